package org.covseg.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Image-level binary classification metrics with bootstrap confidence intervals: AUC ({@link RocAuc}) and, at a
 * probability threshold, accuracy, F1, sensitivity and specificity ({@link BinaryScores}), plus the ROC curve.
 * The intervals resample whole groups (sources) when groups are given — images cut from one paper or patient are
 * not independent — and single images otherwise; {@link #resampling} says which.
 *
 * @param scores each metric (keys {@value #AUC}, {@value #ACCURACY}, {@value #F1}, {@value #SENSITIVITY},
 *               {@value #SPECIFICITY}) with its interval
 * @param aucInterval the AUC's interval, with the number of resamples and of those left out for holding one class
 */
public record DetectionMetrics(int images, int positives, int units, String resampling, double threshold,
        Confusion confusion, Map<String, Estimate> scores, RocCurve roc, Bootstrap.Interval aucInterval) {

    public static final String AUC = "auc";
    public static final String ACCURACY = "accuracy";
    public static final String F1 = "f1";
    public static final String SENSITIVITY = "sensitivity";
    public static final String SPECIFICITY = "specificity";
    public static final String BY_GROUP = "groups";
    public static final String BY_IMAGE = "images";

    /** A point estimate with its confidence interval. */
    public record Estimate(double value, double lower, double upper) {
    }

    /**
     * @param groups the group of each image (resampled as units), or null to resample images
     */
    public static DetectionMetrics of(double[] scores, boolean[] positive, String[] groups, double threshold,
            Bootstrap bootstrap) {
        if (scores.length != positive.length || (groups != null && groups.length != scores.length)) {
            throw new IllegalArgumentException("scores, labels and groups differ in length");
        }
        int[][] units = units(groups, scores.length);
        Map<String, ToDoubleFunction<int[]>> statistics = new LinkedHashMap<>();
        statistics.put(AUC, idx -> RocAuc.of(pick(scores, idx), pick(positive, idx)));
        statistics.put(ACCURACY, idx -> at(scores, positive, idx, threshold).accuracy());
        statistics.put(F1, idx -> at(scores, positive, idx, threshold).f1());
        statistics.put(SENSITIVITY, idx -> at(scores, positive, idx, threshold).sensitivity());
        statistics.put(SPECIFICITY, idx -> at(scores, positive, idx, threshold).specificity());
        int[] all = new int[scores.length];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        Map<String, Estimate> estimates = new LinkedHashMap<>();
        Bootstrap.Interval aucInterval = null;
        for (Map.Entry<String, ToDoubleFunction<int[]>> s : statistics.entrySet()) {
            Bootstrap.Interval interval = bootstrap.interval(units, s.getValue());
            if (aucInterval == null) {
                aucInterval = interval;
            }
            estimates.put(s.getKey(), new Estimate(s.getValue().applyAsDouble(all), interval.lower(),
                    interval.upper()));
        }
        int positives = 0;
        for (boolean p : positive) {
            positives += p ? 1 : 0;
        }
        return new DetectionMetrics(scores.length, positives, units.length, groups == null ? BY_IMAGE : BY_GROUP,
                threshold, BinaryScores.confusion(scores, positive, threshold), estimates,
                RocCurve.of(scores, positive), aucInterval);
    }

    private static BinaryScores at(double[] scores, boolean[] positive, int[] idx, double threshold) {
        return BinaryScores.at(pick(scores, idx), pick(positive, idx), threshold);
    }

    private static int[][] units(String[] groups, int n) {
        if (groups == null) {
            return Bootstrap.eachSampleAlone(n);
        }
        Map<String, List<Integer>> members = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            members.computeIfAbsent(groups[i], g -> new ArrayList<>()).add(i);
        }
        return members.values().stream().map(m -> m.stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);
    }

    private static double[] pick(double[] values, int[] idx) {
        double[] out = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = values[idx[i]];
        }
        return out;
    }

    private static boolean[] pick(boolean[] values, int[] idx) {
        boolean[] out = new boolean[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = values[idx[i]];
        }
        return out;
    }
}
