package org.covseg.severity;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.covseg.CovsegException;
import org.covseg.lungs.LungSide;

/** Scores severity from a lung mask and an infection mask; a pure function of its input. */
public final class SeverityScorer {

    private final FindingRule findingRule;

    public SeverityScorer() {
        this(FindingRule.DEFAULT);
    }

    public SeverityScorer(FindingRule findingRule) {
        this.findingRule = findingRule;
    }

    /**
     * All scores of {@code in}.
     *
     * @throws CovsegException when a mask holds a value it may not hold, or the lung mask has no lung voxel
     */
    public SeverityReport score(SeverityInput in) {
        MaskCounts counts = MaskCounts.of(in);
        long lung = counts.all(LungSide.RIGHT.label()) + counts.all(LungSide.LEFT.label());
        if (lung == 0) {
            throw new CovsegException("the lung mask has no lung voxel (none is 1 = right lung or 2 = left lung),"
                    + " so no severity can be scored; check the lung segmentation");
        }
        long infected = counts.infected(LungSide.RIGHT.label()) + counts.infected(LungSide.LEFT.label());
        Finding finding = findingRule.apply(counts, in);

        String reason = regionalScoresNotApplicable(in, counts);
        CtSeverityScore ctScore;
        TotalCtScore totalScore;
        if (reason == null) {
            Map<LungSide, LungPartition> partitions = new EnumMap<>(LungSide.class);
            for (LungSide side : LungSide.values()) {
                partitions.put(side, counts.partition(side).orElseThrow());
            }
            RegionCounts regions = RegionCounts.of(in, partitions);
            ctScore = CtSeverityScore.of(regions, in.amountPerVoxel());
            totalScore = TotalCtScore.of(regions, in.amountPerVoxel());
        } else {
            ctScore = CtSeverityScore.notApplicable(reason);
            totalScore = TotalCtScore.notApplicable(reason);
        }
        MosmedCategory mosmed = in.singleSlice()
                ? MosmedCategory.notApplicable("not applicable to a single slice: one slice does not give the"
                        + " whole-lung involvement")
                : MosmedCategory.of(finding.present(), infected, lung);
        return new SeverityReport(in.unit().symbol(), in.singleSlice(), in.infectionLabels(),
                PercentageOfInfection.of(counts, in), finding, ctScore, totalScore, mosmed);
    }

    /** Why the region and lobe scores cannot be computed, or null when they can. */
    private static String regionalScoresNotApplicable(SeverityInput in, MaskCounts counts) {
        if (in.singleSlice()) {
            return "not applicable to a single slice: the regions need each lung's cranio-caudal extent";
        }
        for (LungSide side : LungSide.values()) {
            Optional<LungPartition> p = counts.partition(side);
            if (p.isEmpty()) {
                return "not applicable: the lung mask has no " + side.displayName() + " (label " + side.label()
                        + "); the score needs both lungs";
            }
            if (p.get().slices() < LungPartition.MIN_SLICES) {
                return "not applicable: the " + side.displayName() + " spans " + p.get().slices()
                        + " slices; the geometric regions need at least " + LungPartition.MIN_SLICES;
            }
        }
        return null;
    }
}
