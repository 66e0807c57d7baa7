package org.covseg.metrics;

/**
 * Accuracy, sensitivity (recall of positives), specificity (recall of negatives) and F1 of binary decisions.
 * A score whose denominator is zero (no positives, for instance) is NaN.
 */
public record BinaryScores(double accuracy, double sensitivity, double specificity, double f1) {

    /** The scores of deciding "positive" when a score is at or above {@code threshold}. */
    public static BinaryScores at(double[] scores, boolean[] positive, double threshold) {
        return of(confusion(scores, positive, threshold));
    }

    public static Confusion confusion(double[] scores, boolean[] positive, double threshold) {
        boolean[] predicted = new boolean[scores.length];
        for (int i = 0; i < scores.length; i++) {
            predicted[i] = scores[i] >= threshold;
        }
        return Confusion.of(predicted, positive);
    }

    public static BinaryScores of(Confusion c) {
        return new BinaryScores(ratio(c.tp() + c.tn(), c.total()), ratio(c.tp(), c.tp() + c.fn()),
                ratio(c.tn(), c.tn() + c.fp()), ratio(2 * c.tp(), 2 * c.tp() + c.fp() + c.fn()));
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? Double.NaN : (double) numerator / denominator;
    }
}
