package org.covseg.severity;

import java.util.Arrays;
import java.util.List;

/**
 * The 0–25 total CT score of Pan et al. (Radiology 2020) on the five geometric lobes of {@link LungPartition}.
 *
 * @param applicable          false for a single slice, a missing lung or a lung spanning too few slices
 * @param notApplicableReason why not, or null
 * @param total               0..25, or null when not applicable
 * @param lobes               the five lobes' scores (empty when not applicable)
 */
public record TotalCtScore(String label, String definition, boolean applicable, String notApplicableReason,
                           Integer total, int maximum, List<LobeScore> lobes) implements SummedScore {

    public static final String KEY = "totalCtScore";

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public String name() {
        return "total CT score";
    }

    public static final String LABEL = "Total CT score (geometric approximation of the 5 lobes, not anatomical)";
    public static final int MAXIMUM = 25;
    public static final String DEFINITION = "Pan et al. 2020: each of the 5 lobes scores by the share p of its lung"
            + " voxels that are infected (any class): 0 when p = 0, 1 when p < 5%, 2 when 5% <= p <= 25%, 3 when"
            + " 25% < p < 50%, 4 when 50% <= p <= 75%, 5 when p > 75%. p is compared as an exact fraction of voxel"
            + " counts; the published bins (<5, 5-25, 26-49, 50-75, >75 %) leave gaps between whole percentages,"
            + " closed here as written above: 25% -> 2, 25.5% -> 3, 49.9% -> 3, 75% -> 4, 75.1% -> 5. A lobe"
            + " without lung voxels scores 0. Total = sum over the 5 lobes, 0-25. The published score uses the"
            + " anatomical lobes; here they are geometric.\n" + LungPartition.DESCRIPTION + "\nNot applicable to a"
            + " single slice, nor when a lung is missing from the lung mask or spans fewer than "
            + LungPartition.MIN_SLICES + " slices.";

    public TotalCtScore {
        lobes = List.copyOf(lobes);
    }

    /** One lobe: its lung and infected amounts, the infected percentage (null if empty) and its 0–5 score. */
    public record LobeScore(Lobe lobe, String description, Amount lung, Amount infected, Double percent, int score) {

        static LobeScore of(Lobe lobe, long lung, long infected, double perVoxel) {
            return new LobeScore(lobe, lobe.displayName(), Amount.of(lung, perVoxel), Amount.of(infected, perVoxel),
                    Amount.percent(infected, lung), lobeScore(infected, lung));
        }
    }

    /** Pan's lobe score for {@code infected} of {@code lung} voxels, bins as in {@link #DEFINITION}. */
    public static int lobeScore(long infected, long lung) {
        long p = 100 * infected;
        if (infected == 0) {
            return 0;
        } else if (p < 5 * lung) {
            return 1;
        } else if (p <= 25 * lung) {
            return 2;
        } else if (p < 50 * lung) {
            return 3;
        } else if (p <= 75 * lung) {
            return 4;
        }
        return 5;
    }

    static TotalCtScore notApplicable(String reason) {
        return new TotalCtScore(LABEL, DEFINITION, false, reason, null, MAXIMUM, List.of());
    }

    static TotalCtScore of(RegionCounts counts, double perVoxel) {
        List<LobeScore> lobes = Arrays.stream(Lobe.values())
                .map(lobe -> LobeScore.of(lobe, counts.lung(lobe), counts.infected(lobe), perVoxel))
                .toList();
        int total = lobes.stream().mapToInt(LobeScore::score).sum();
        return new TotalCtScore(LABEL, DEFINITION, true, null, total, MAXIMUM, lobes);
    }
}
