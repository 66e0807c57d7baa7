package org.covseg.severity;

import java.util.Arrays;
import java.util.List;

/**
 * The 0–40 CT severity score of Yang et al. (Radiology: Cardiothoracic Imaging 2020) on the 20 geometric regions
 * of {@link LungPartition}.
 *
 * @param applicable          false for a single slice, a missing lung or a lung spanning too few slices
 * @param notApplicableReason why not, or null
 * @param total               0..40, or null when not applicable
 * @param regions             the 20 regions' scores (empty when not applicable)
 */
public record CtSeverityScore(String label, String definition, boolean applicable, String notApplicableReason,
                              Integer total, int maximum, List<RegionScore> regions) implements SummedScore {

    public static final String KEY = "ctSeverityScore";

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public String name() {
        return "CT severity score";
    }

    public static final String LABEL = "CT severity score (geometric approximation of the 20 segments, not anatomical)";
    public static final int MAXIMUM = 40;
    public static final String DEFINITION = "Yang et al. 2020: each of 20 lung regions scores 0 when none of its"
            + " lung voxels is infected, 1 when infected voxels (any class) are fewer than 50% of its lung voxels and"
            + " 2 when they are 50% or more (exact fraction: 2 x infected >= region voxels); a region without lung"
            + " voxels scores 0. Total = sum over the 20 regions, 0-40. The published score uses the anatomical"
            + " segments; here the regions are geometric.\n" + LungPartition.DESCRIPTION + "\nNot applicable to a"
            + " single slice (the regions need each lung's cranio-caudal extent), nor when a lung is missing from"
            + " the lung mask or spans fewer than " + LungPartition.MIN_SLICES + " slices.";

    public CtSeverityScore {
        regions = List.copyOf(regions);
    }

    /** One region: its lung and infected amounts, the infected percentage (null if empty) and its 0–2 score. */
    public record RegionScore(LungRegion region, String description, Amount lung, Amount infected, Double percent,
                              int score) {

        static RegionScore of(LungRegion region, long lung, long infected, double perVoxel) {
            return new RegionScore(region, region.description(), Amount.of(lung, perVoxel),
                    Amount.of(infected, perVoxel), Amount.percent(infected, lung), regionScore(infected, lung));
        }
    }

    /** Yang's region score: 0 none, 1 below 50 %, 2 at or above 50 % of the region's lung voxels infected. */
    public static int regionScore(long infected, long lung) {
        if (infected == 0) {
            return 0;
        }
        return 2 * infected < lung ? 1 : 2;
    }

    static CtSeverityScore notApplicable(String reason) {
        return new CtSeverityScore(LABEL, DEFINITION, false, reason, null, MAXIMUM, List.of());
    }

    static CtSeverityScore of(RegionCounts counts, double perVoxel) {
        List<RegionScore> regions = Arrays.stream(LungRegion.values())
                .map(r -> RegionScore.of(r, counts.lung(r), counts.infected(r), perVoxel))
                .toList();
        int total = regions.stream().mapToInt(RegionScore::score).sum();
        return new CtSeverityScore(LABEL, DEFINITION, true, null, total, MAXIMUM, regions);
    }
}
