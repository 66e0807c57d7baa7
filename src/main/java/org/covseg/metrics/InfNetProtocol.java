package org.covseg.metrics;

import java.util.EnumMap;
import java.util.Map;

/**
 * The per-image part of the official Inf-Net evaluation (MATLAB {@code EvaluationTool/main.m} with
 * {@code Fmeasure_calu.m}, {@code Enhancedmeasure.m}, {@code StructureMeasure.m}), reproduced step for step:
 * <ol>
 *   <li>the 8-bit map is scaled to [0, 1] and min-max normalised ({@link ProtocolMap#normalisedLevels()});</li>
 *   <li>for each threshold t of MATLAB's {@code 1:-1/255:0} ({@link #threshold(int)}) the map is binarised at
 *   {@code map >= t}; with TP = 0 Dice, sensitivity and specificity are 0, otherwise Dice = 2TP/(|G|+|P|),
 *   sensitivity = TP/|G|, specificity = TN/(TN+FP) — NaN (0/0) when the ground truth fills the image, as in MATLAB;
 *   the E-measure of the same binary map ({@link EMeasure}) — one revision of main.m binarises with {@code >} for
 *   the E-measure only; the other revision and reference.md §3 use {@code >=}, as here;</li>
 *   <li>the S-measure ({@link SMeasure}) and MAE = mean |G − map| of the normalised map.</li>
 * </ol>
 * The ground truth is the caller's binary mask (the MATLAB tool binarises its PNG at {@code > 128}).
 * Averaging over images is {@link Evaluation}'s job.
 *
 * <p>Cost: one pass to histogram the ground-truth positives and negatives per grey level; since the normalisation is
 * non-decreasing in the level, the pixels at or above a threshold are the levels from some level up, so suffix sums
 * give TP and FP at all 256 thresholds, and {@link EMeasure} needs only those counts.
 */
public final class InfNetProtocol {

    public static final int THRESHOLD_COUNT = 256;

    private static final double[] THRESHOLDS = matlabColon();

    private InfNetProtocol() {
    }

    /**
     * Threshold k (0 = 1.0, 255 = 0.0) exactly as MATLAB's colon operator builds {@code 1:-1/255:0}: the first half as
     * {@code 1 + k·d}, the second half as {@code 0 − (255 − k)·d}, d = −1/255. These differ from k/255 in the last bit
     * for some k, and that decides for 14 grey levels (138, 139, 154, 155, …, 251) whether they pass a threshold.
     */
    public static double threshold(int k) {
        return THRESHOLDS[k];
    }

    private static double[] matlabColon() {
        double step = -1 / 255.0;
        int intervals = THRESHOLD_COUNT - 1;
        double[] t = new double[THRESHOLD_COUNT];
        for (int k = 0; k <= intervals / 2; k++) {
            t[k] = 1 + k * step;
            t[intervals - k] = 0 - k * step;
        }
        return t;
    }

    public static ProtocolScores evaluate(ProtocolMap map, boolean[] truth) {
        Shapes.requireLength("the ground truth", truth.length, map.width(), map.height());
        long[] positivesFrom = new long[THRESHOLD_COUNT + 1];
        long[] negativesFrom = new long[THRESHOLD_COUNT + 1];
        for (int p = 0; p < truth.length; p++) {
            (truth[p] ? positivesFrom : negativesFrom)[map.level(p)]++;
        }
        for (int level = THRESHOLD_COUNT - 1; level >= 0; level--) {
            positivesFrom[level] += positivesFrom[level + 1];
            negativesFrom[level] += negativesFrom[level + 1];
        }
        long positives = positivesFrom[0];
        long negatives = negativesFrom[0];
        double[] byLevel = map.normalisedLevels();
        Map<ThresholdMetric, double[]> curves = new EnumMap<>(ThresholdMetric.class);
        for (ThresholdMetric metric : ThresholdMetric.values()) {
            curves.put(metric, new double[THRESHOLD_COUNT]);
        }
        int lowestPassing = THRESHOLD_COUNT;
        for (int k = 0; k < THRESHOLD_COUNT; k++) {
            while (lowestPassing > 0 && byLevel[lowestPassing - 1] >= THRESHOLDS[k]) {
                lowestPassing--;
            }
            long tp = positivesFrom[lowestPassing];
            long fp = negativesFrom[lowestPassing];
            Confusion c = new Confusion(tp, fp, positives - tp, negatives - fp);
            if (tp > 0) {
                curves.get(ThresholdMetric.DICE)[k] = 2.0 * tp / (positives + c.predictedPositives());
                curves.get(ThresholdMetric.SENSITIVITY)[k] = (double) tp / positives;
                curves.get(ThresholdMetric.SPECIFICITY)[k] = (double) c.tn() / (c.tn() + fp);
            }
            curves.get(ThresholdMetric.E_MEASURE)[k] = EMeasure.of(c);
        }
        double[] normalised = map.normalised();
        return new ProtocolScores(new ThresholdCurves(curves),
                SMeasure.of(normalised, truth, map.width(), map.height()), meanAbsoluteError(normalised, truth));
    }

    private static double meanAbsoluteError(double[] map, boolean[] truth) {
        double sum = 0;
        for (int p = 0; p < map.length; p++) {
            sum += Math.abs((truth[p] ? 1.0 : 0.0) - map[p]);
        }
        return sum / map.length;
    }
}
