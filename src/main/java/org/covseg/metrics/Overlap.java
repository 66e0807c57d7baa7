package org.covseg.metrics;

/**
 * Plain overlap scores of a binary prediction: what most papers mean by "Dice" (at one threshold, here
 * {@code probability >= threshold} is positive).
 *
 * <p>Empty masks: a ratio whose denominator is 0 is <b>1 when both masks are empty</b> (nothing to find, nothing
 * claimed: perfect agreement) and <b>0 otherwise</b>. So with both empty all four scores are 1; with an empty ground
 * truth and a non-empty prediction recall is 0 (and Dice, IoU, precision are 0); with a non-empty ground truth and an
 * empty prediction precision is 0. No score is ever NaN, so per-image scores can be averaged directly.
 */
public record Overlap(double dice, double iou, double precision, double recall) {

    public static Overlap of(Confusion c) {
        boolean bothEmpty = c.tp() + c.fp() + c.fn() == 0;
        return new Overlap(
                ratio(2 * c.tp(), 2 * c.tp() + c.fp() + c.fn(), bothEmpty),
                ratio(c.tp(), c.tp() + c.fp() + c.fn(), bothEmpty),
                ratio(c.tp(), c.predictedPositives(), bothEmpty),
                ratio(c.tp(), c.actualPositives(), bothEmpty));
    }

    /** Scores of the map binarised at {@code value >= threshold}. */
    public static Overlap atThreshold(float[] map, boolean[] truth, double threshold) {
        return of(Confusion.of(binarise(map, threshold), truth));
    }

    /** The pixels with {@code value >= threshold}. */
    public static boolean[] binarise(float[] map, double threshold) {
        boolean[] positive = new boolean[map.length];
        for (int p = 0; p < map.length; p++) {
            positive[p] = map[p] >= threshold;
        }
        return positive;
    }

    private static double ratio(long numerator, long denominator, boolean bothEmpty) {
        if (denominator == 0) {
            return bothEmpty ? 1 : 0;
        }
        return (double) numerator / denominator;
    }
}
