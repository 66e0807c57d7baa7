package org.covseg.metrics;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The area under the ROC curve by ranks (the Mann–Whitney U statistic over n₊·n₋): the probability that a random
 * positive scores above a random negative, a tie counting one half. Tied scores get the mean of their ranks, so
 * the value equals the trapezoidal area under {@link RocCurve} exactly.
 */
public final class RocAuc {

    private RocAuc() {
    }

    /** The AUC of {@code scores} for the {@code positive} labels; NaN when either class is absent. */
    public static double of(double[] scores, boolean[] positive) {
        if (scores.length != positive.length) {
            throw new IllegalArgumentException(scores.length + " scores but " + positive.length + " labels");
        }
        double[] ranks = midRanks(scores);
        long positives = 0;
        double positiveRankSum = 0;
        for (int i = 0; i < scores.length; i++) {
            if (positive[i]) {
                positives++;
                positiveRankSum += ranks[i];
            }
        }
        long negatives = scores.length - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /** Ranks 1..n of the scores in ascending order, tied scores sharing the mean of their ranks. */
    static double[] midRanks(double[] scores) {
        Integer[] order = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        double[] ranks = new double[scores.length];
        int start = 0;
        while (start < order.length) {
            int end = start;
            while (end + 1 < order.length && scores[order[end + 1]] == scores[order[start]]) {
                end++;
            }
            double mean = (start + end) / 2.0 + 1;
            for (int r = start; r <= end; r++) {
                ranks[order[r]] = mean;
            }
            start = end + 1;
        }
        return ranks;
    }
}
