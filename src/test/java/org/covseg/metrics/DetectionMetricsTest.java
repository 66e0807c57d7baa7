package org.covseg.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** AUC, ROC, threshold scores, bootstrap intervals: each against values computed by hand. */
class DetectionMetricsTest {

    /** Negatives 0.1 and 0.4, positives 0.4 and 0.8: one tie between classes. */
    private static final double[] TIED = {0.1, 0.4, 0.4, 0.8};
    private static final boolean[] TIED_LABELS = {false, false, true, true};

    @Test
    void aucCountsATieAsOneHalf() {
        // Pairs (positive, negative): 0.4 vs 0.1 → 1, 0.4 vs 0.4 → ½, 0.8 vs 0.1 → 1, 0.8 vs 0.4 → 1: 3.5 / 4.
        // By ranks: 0.1 → 1, the two 0.4 → 2.5, 0.8 → 4; (2.5 + 4 − 2·3/2) / (2·2) = 3.5 / 4.
        assertThat(RocAuc.of(TIED, TIED_LABELS)).isEqualTo(0.875);
        assertThat(RocAuc.midRanks(TIED)).containsExactly(1, 2.5, 2.5, 4);
    }

    @Test
    void aucIsOneForPerfectZeroForReversedAndUndefinedForOneClass() {
        boolean[] labels = {false, true, false, true};
        assertThat(RocAuc.of(new double[] {0.1, 0.9, 0.2, 0.8}, labels)).isEqualTo(1.0);
        assertThat(RocAuc.of(new double[] {0.9, 0.1, 0.8, 0.2}, labels)).isEqualTo(0.0);
        assertThat(RocAuc.of(new double[] {0.5, 0.5, 0.5, 0.5}, labels)).isEqualTo(0.5);
        assertThat(RocAuc.of(new double[] {0.1, 0.9}, new boolean[] {true, true})).isNaN();
    }

    @Test
    void rocCurveStepsThroughEachDistinctScoreAndItsAreaIsTheAuc() {
        RocCurve roc = RocCurve.of(TIED, TIED_LABELS);
        // Thresholds 0.8 (one positive), 0.4 (the tie: one positive and one negative at once), 0.1 (all).
        assertThat(roc.falsePositiveRate()).containsExactly(0, 0, 0.5, 1);
        assertThat(roc.truePositiveRate()).containsExactly(0, 0.5, 1, 1);
        // Trapezoids: 0 + 0.5·(0.5 + 1)/2 + 0.5·(1 + 1)/2 = 0.875.
        assertThat(roc.area()).isEqualTo(0.875);
    }

    @Test
    void thresholdScoresCallAScoreAtTheThresholdPositive() {
        double[] scores = {0.1, 0.4, 0.6, 0.8, 0.5};
        boolean[] labels = {false, true, false, true, true};
        // Called positive: 0.6, 0.8, 0.5 → TP 2 (0.8, 0.5), FP 1 (0.6), FN 1 (0.4), TN 1 (0.1).
        assertThat(BinaryScores.confusion(scores, labels, 0.5)).isEqualTo(new Confusion(2, 1, 1, 1));
        BinaryScores s = BinaryScores.at(scores, labels, 0.5);
        assertThat(s.accuracy()).isEqualTo(3 / 5.0);
        assertThat(s.sensitivity()).isEqualTo(2 / 3.0);
        assertThat(s.specificity()).isEqualTo(1 / 2.0);
        assertThat(s.f1()).isEqualTo(2 * 2 / (2 * 2 + 1 + 1.0));
        assertThat(BinaryScores.at(new double[] {0.9}, new boolean[] {true}, 0.5).specificity()).isNaN();
    }

    @Test
    void quantileInterpolatesBetweenOrderStatistics() {
        double[] sorted = {1, 2, 3, 4, 5};
        // Position q·(n − 1): 0.025·4 = 0.1 → 1 + 0.1·(2 − 1); 0.975·4 = 3.9 → 4 + 0.9·(5 − 4).
        assertThat(Bootstrap.quantile(sorted, 0.025)).isCloseTo(1.1, within(1e-12));
        assertThat(Bootstrap.quantile(sorted, 0.975)).isCloseTo(4.9, within(1e-12));
        assertThat(Bootstrap.quantile(sorted, 0.5)).isEqualTo(3);
    }

    @Test
    void bootstrapDrawsWholeUnitsAndIsReproducible() {
        int[][] units = {{0, 1}, {2, 3}, {4, 5}};
        List<int[]> seen = new ArrayList<>();
        Bootstrap bootstrap = new Bootstrap(200, 42, 0.95);
        bootstrap.interval(units, idx -> {
            seen.add(idx.clone());
            return idx.length;
        });
        assertThat(seen).hasSize(200).allSatisfy(idx -> {
            assertThat(idx).hasSize(6);
            for (int i = 0; i < idx.length; i += 2) {
                assertThat(idx[i + 1]).as("a unit's members stay together").isEqualTo(idx[i] + 1);
                assertThat(idx[i] % 2).isZero();
            }
        });
        double[] values = {0, 1, 2, 3, 4, 5};
        Bootstrap.Interval a = bootstrap.interval(units, idx -> mean(values, idx));
        Bootstrap.Interval b = new Bootstrap(200, 42, 0.95).interval(units, idx -> mean(values, idx));
        assertThat(a).isEqualTo(b);
        // Unit means 0.5, 2.5, 4.5: a resample's mean lies in [0.5, 4.5].
        assertThat(a.lower()).isBetween(0.5, 2.5);
        assertThat(a.upper()).isBetween(2.5, 4.5);
    }

    @Test
    void bootstrapLeavesOutUndefinedResamplesAndCountsThem() {
        Bootstrap.Interval i = new Bootstrap(100, 1, 0.95).interval(new int[][] {{0}, {1}},
                idx -> idx[0] == idx[1] ? Double.NaN : 7);
        // Half of the draws repeat one unit (NaN); the rest give 7.
        assertThat(i.undefined()).isBetween(30, 70);
        assertThat(i.lower()).isEqualTo(7);
        assertThat(i.upper()).isEqualTo(7);
    }

    @Test
    void detectionMetricsResampleGroupsOrImages() {
        double[] scores = {0.1, 0.2, 0.3, 0.7, 0.8, 0.9};
        boolean[] labels = {false, false, false, true, true, true};
        String[] groups = {"a", "a", "b", "c", "c", "d"};
        Bootstrap bootstrap = new Bootstrap(300, 3, 0.95);
        DetectionMetrics byGroup = DetectionMetrics.of(scores, labels, groups, 0.5, bootstrap);
        assertThat(byGroup.units()).isEqualTo(4);
        assertThat(byGroup.resampling()).isEqualTo(DetectionMetrics.BY_GROUP);
        assertThat(byGroup.scores()).containsOnlyKeys("auc", "accuracy", "f1", "sensitivity", "specificity");
        DetectionMetrics.Estimate auc = byGroup.scores().get(DetectionMetrics.AUC);
        assertThat(auc).isEqualTo(new DetectionMetrics.Estimate(1, 1, 1));
        assertThat(byGroup.aucInterval().undefined()).as("resamples with one class only").isPositive();
        DetectionMetrics byImage = DetectionMetrics.of(scores, labels, null, 0.5, bootstrap);
        assertThat(byImage.units()).isEqualTo(6);
        assertThat(byImage.resampling()).isEqualTo(DetectionMetrics.BY_IMAGE);
        assertThat(byImage.scores().get(DetectionMetrics.ACCURACY).value()).isEqualTo(1);
    }

    private static double mean(double[] values, int[] idx) {
        double sum = 0;
        for (int i : idx) {
            sum += values[i];
        }
        return sum / idx.length;
    }
}
