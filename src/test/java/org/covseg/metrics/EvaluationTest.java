package org.covseg.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.covseg.metrics.InfNetProtocolTest.mask;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EvaluationTest {

    private static final double TOL = 1e-12;

    @Test
    void summaryAveragesImagesLikeTheOfficialTool() {
        // Image "a": the hand-traced 2x2 of InfNetProtocolTest (probabilities 1, .2, 0, .4 → bytescale → levels
        // 255, 51, 0, 102): meanDic 212.9/256, meanSpe .796875, MAE .15.
        // Image "b": G empty, map {1, 0, 0, 0}: Dice = Spe = 0 everywhere, MAE .25, Sm .75, meanEm 255/256.
        // Protocol: per-threshold means over the two images, then over thresholds = mean of the per-image means.
        Evaluation evaluation = new Evaluation();
        evaluation.add("a", new float[] {1, .2f, 0, .4f}, mask(2, "10", "00"), 2, 2);
        evaluation.add("b", new float[] {1, 0, 0, 0}, new boolean[4], 2, 2);
        EvaluationSummary s = evaluation.summary();
        assertThat(s.images()).isEqualTo(2);
        assertThat(s.meanDice()).isCloseTo(212.9 / 256 / 2, within(TOL));
        assertThat(s.meanSpecificity()).isCloseTo(0.796875 / 2, within(TOL));
        assertThat(s.meanSensitivity()).isCloseTo(0.5, within(TOL));
        assertThat(s.mae()).isCloseTo((0.15 + 0.25) / 2, within(TOL));
        assertThat(s.sMeasure()).isCloseTo((0.5 * (0.25 + 0.75 * 1.6 / 1.84) + 0.5 + 0.75) / 2, within(TOL));
        List<ImageEvaluation> rows = evaluation.images();
        assertThat(s.meanEMeasure())
                .isCloseTo((rows.get(0).protocol().meanEMeasure() + 255 / 256.0) / 2, within(TOL));
        assertThat(s.curves().value(ThresholdMetric.DICE, 0)).isEqualTo(0.5);
        assertThat(s.curves().max(ThresholdMetric.DICE)).isEqualTo(0.5);
        // Plain scores at p >= .5: "a" predicts {A} = G → Dice 1, IoU 1, HD95 0;
        // "b" predicts {A} on an empty G → Dice 0, IoU 0, HD95 undefined.
        assertThat(rows).extracting(ImageEvaluation::name).containsExactly("a", "b");
        assertThat(s.dice()).isEqualTo(0.5);
        assertThat(s.iou()).isEqualTo(0.5);
        assertThat(s.hd95()).isEqualTo(0.0);
        assertThat(s.hd95Undefined()).isEqualTo(1);
        assertThat(s.threshold()).isEqualTo(0.5);
        // "b" has an empty truth: meanDic over the images with one is that of "a" alone
        assertThat(s.emptyTruth()).isEqualTo(1);
        assertThat(s.meanDiceWithTruth()).isCloseTo(212.9 / 256, within(TOL));
    }

    @Test
    void meanDiceWithTruthIsUndefinedWhenEveryTruthIsEmpty() {
        Evaluation evaluation = new Evaluation();
        evaluation.add("empty", new float[] {0, 0, 0, 0}, new boolean[4], 2, 2);
        assertThat(evaluation.summary().emptyTruth()).isEqualTo(1);
        assertThat(evaluation.summary().meanDiceWithTruth()).isNaN();
    }

    @Test
    void eightBitMapsAreReadAsLevelOver255ForThePlainScores() {
        // Level 128 = .502 ≥ .5 is positive, 127 = .498 is not: P = {A}, G = {A, B} → Dice 2/3.
        Evaluation evaluation = new Evaluation();
        ImageEvaluation row = evaluation.add("png", ProtocolMap.fromGreyLevels(new int[] {128, 127, 0, 0}, 2, 2),
                mask(2, "11", "00"), PixelSpacing.UNIT);
        assertThat(row.overlap().dice()).isCloseTo(2 / 3.0, within(TOL));
        assertThat(row.confusion()).isEqualTo(new Confusion(1, 0, 1, 2));
    }

    @Test
    void hd95UsesThePixelSpacing() {
        // Prediction = G shifted one column right; spacing .7 mm: every boundary distance is 0 or .7 → HD95 .7.
        boolean[] truth = mask(4, "0000", "0110", "0110", "0000");
        float[] shifted = {0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 0, 0};
        ImageEvaluation row = new Evaluation().add("x", shifted, truth, 4, 4, new PixelSpacing(0.7, 0.7));
        assertThat(row.hd95()).isCloseTo(0.7, within(TOL));
    }

    @Test
    void perClassEvaluationsAreIndependent() {
        PerClassEvaluation classes = new PerClassEvaluation();
        boolean[] g = mask(2, "10", "00");
        classes.forClass("ground-glass").add("s1", new float[] {1, 0, 0, 0}, g, 2, 2);
        classes.forClass("consolidation").add("s1", new float[] {0, 1, 0, 0}, g, 2, 2);
        classes.forClass("ground-glass").add("s2", new float[] {1, 0, 0, 0}, g, 2, 2);
        assertThat(classes.summaries().keySet()).containsExactly("ground-glass", "consolidation");
        assertThat(classes.summaries().get("ground-glass").images()).isEqualTo(2);
        assertThat(classes.summaries().get("ground-glass").dice()).isEqualTo(1.0);
        assertThat(classes.summaries().get("consolidation").dice()).isEqualTo(0.0);
    }

    @Test
    void rejectsMismatchedSizesAndEmptySummaries() {
        Evaluation evaluation = new Evaluation();
        assertThatThrownBy(evaluation::summary).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> evaluation.add("bad", new float[4], new boolean[6], 2, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad");
        assertThatThrownBy(() -> new Evaluation(1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fullSizeImagesRunThroughTheWholeTable() {
        // Not a timing assertion: exercises the fast paths at the real size (512x512) and checks sanity.
        Random random = new Random(3);
        Evaluation evaluation = new Evaluation();
        int n = 512;
        for (int i = 0; i < 6; i++) {
            boolean[] truth = new boolean[n * n];
            float[] probabilities = new float[n * n];
            int cx = 100 + random.nextInt(300);
            int cy = 100 + random.nextInt(300);
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    double r = Math.hypot(x - cx, y - cy);
                    truth[y * n + x] = r < 60;
                    probabilities[y * n + x] = (float) (1 / (1 + Math.exp((r - 63) / 4)));
                }
            }
            evaluation.add("img" + i, probabilities, truth, n, n);
        }
        EvaluationSummary s = evaluation.summary();
        assertThat(s.dice()).isBetween(0.9, 1.0);
        assertThat(s.meanDice()).isBetween(0.5, 1.0);
        assertThat(s.hd95()).isBetween(1.0, 5.0);
        assertThat(s.hd95Undefined()).isZero();
    }
}
