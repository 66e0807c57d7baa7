package org.covseg.severity;

import java.util.List;

/**
 * Everything severity scoring computed for one scan or slice: numbers, labels and the exact definitions, in a
 * shape meant to be serialised as is (field names are stable).
 *
 * @param unit                  unit of all amounts: "mL", "mm²", "voxels" or "pixels"
 * @param singleSlice           true when scored from one 2-D slice (whole-lung scores are then not applicable)
 * @param infectionLabels       how the infection mask was read
 * @param percentageOfInfection POI per lung and class, and infection outside the lungs
 * @param finding               whether infection is present
 * @param ctSeverityScore       Yang et al. 0–40 on geometric regions
 * @param totalCtScore          Pan et al. 0–25 on geometric lobes
 * @param mosmedCategory        CT-0 … CT-4
 */
public record SeverityReport(String unit, boolean singleSlice, InfectionLabels infectionLabels,
                             PercentageOfInfection percentageOfInfection, Finding finding,
                             CtSeverityScore ctSeverityScore, TotalCtScore totalCtScore,
                             MosmedCategory mosmedCategory) {

    /**
     * The keys of {@link #wholeLungScores}, in its order, for tables that need their columns before any report exists
     * (the cohort table's schema).
     */
    public static final List<String> WHOLE_LUNG_SCORE_KEYS = List.of(CtSeverityScore.KEY, TotalCtScore.KEY,
            MosmedCategory.KEY);

    /** The whole-lung scores, in the order reports and tables show them. */
    public List<WholeLungScore> wholeLungScores() {
        return List.of(ctSeverityScore, totalCtScore, mosmedCategory);
    }
}
