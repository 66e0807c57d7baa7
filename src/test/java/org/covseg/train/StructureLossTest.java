package org.covseg.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StructureLossTest {

    private static final double LN2 = Math.log(2);

    private final NDManager manager = NDManager.newBaseManager();

    @AfterEach
    void close() {
        manager.close();
    }

    private NDArray map(int n, int h, int w, float... values) {
        return manager.create(values, new Shape(n, 1, h, w));
    }

    @Test
    void zeroLogitsOnAnEmptyMask() {
        StructureLoss.Terms t = new StructureLoss(BceWeighting.WEIGHTED)
                .compute(map(1, 3, 3, new float[9]), map(1, 3, 3, new float[9]));
        // w = 1 everywhere; BCE = ln 2; p = 0.5: intersection 0, union 4.5, IoU term = 1 - 1/5.5
        assertThat(t.bce().getFloat()).isCloseTo((float) LN2, within(1e-6f));
        assertThat(t.iou().getFloat()).isCloseTo((float) (1 - 1 / 5.5), within(1e-6f));
    }

    @Test
    void zeroLogitsOnAFullMask() {
        float[] ones = {1, 1, 1, 1, 1, 1, 1, 1, 1};
        StructureLoss.Terms t = new StructureLoss(BceWeighting.WEIGHTED)
                .compute(map(1, 3, 3, new float[9]), map(1, 3, 3, ones));
        // every 31x31 window holds the 9 ones: avgpool = 9/961 everywhere, so w is the same constant everywhere
        double w = 1 + 5 * (1 - 9.0 / 961);
        assertThat(t.bce().getFloat()).isCloseTo((float) LN2, within(1e-6f));
        double expectedIou = 1 - (4.5 * w + 1) / (13.5 * w - 4.5 * w + 1);
        assertThat(t.iou().getFloat()).isCloseTo((float) expectedIou, within(1e-6f));
    }

    @Test
    void averagePoolCountsThePaddingAtTheBorder() {
        float[] ones = new float[40 * 40];
        java.util.Arrays.fill(ones, 1);
        NDArray w = StructureLoss.boundaryWeights(map(1, 40, 40, ones));
        // corner window: 16x16 real pixels of 961; top edge, middle column: 16x31; centre: all 961
        assertThat(w.getFloat(0, 0, 0, 0)).isCloseTo((float) (1 + 5 * (1 - 256.0 / 961)), within(1e-6f));
        assertThat(w.getFloat(0, 0, 0, 20)).isCloseTo((float) (1 + 5 * (1 - 496.0 / 961)), within(1e-6f));
        assertThat(w.getFloat(0, 0, 20, 20)).isCloseTo(1f, within(1e-6f));
    }

    @Test
    void weightedTermsMatchAReferenceOnA3x3Map() {
        float[] gt = {1, 1, 0, 1, 0, 0, 0, 0, 0};
        float[] logits = {2, 1, -1, 0.5f, -2, 0, -3, 1, -0.5f};
        // avgpool = 3/961 everywhere: w = 1 + 5·958/961 on the ones, 1 + 15/961 on the zeros
        double[] w = new double[9];
        for (int i = 0; i < 9; i++) {
            w[i] = gt[i] == 1 ? 1 + 5 * 958.0 / 961 : 1 + 15.0 / 961;
        }
        double weightedBce = 0;
        double sumW = 0;
        double plainBce = 0;
        double inter = 0;
        double union = 0;
        for (int i = 0; i < 9; i++) {
            double p = 1 / (1 + Math.exp(-logits[i]));
            double bce = -(gt[i] * Math.log(p) + (1 - gt[i]) * Math.log(1 - p));
            weightedBce += w[i] * bce;
            plainBce += bce;
            sumW += w[i];
            inter += w[i] * p * gt[i];
            union += w[i] * (p + gt[i]);
        }
        double iou = 1 - (inter + 1) / (union - inter + 1);

        StructureLoss.Terms weighted = new StructureLoss(BceWeighting.WEIGHTED)
                .compute(map(1, 3, 3, logits), map(1, 3, 3, gt));
        StructureLoss.Terms official = new StructureLoss(BceWeighting.UNWEIGHTED)
                .compute(map(1, 3, 3, logits), map(1, 3, 3, gt));

        assertThat(weighted.bce().getFloat()).isCloseTo((float) (weightedBce / sumW), within(1e-6f));
        assertThat(official.bce().getFloat()).isCloseTo((float) (plainBce / 9), within(1e-6f));
        assertThat(weightedBce / sumW).isNotCloseTo(plainBce / 9, within(1e-3));
        assertThat(weighted.iou().getFloat()).isCloseTo((float) iou, within(1e-6f));
        assertThat(official.iou().getFloat()).isCloseTo((float) iou, within(1e-6f));
        assertThat(weighted.sum().getFloat()).isCloseTo((float) (weightedBce / sumW + iou), within(1e-6f));
    }

    @Test
    void termsArePerImageThenAveragedOverTheBatch() {
        // image 0: empty mask, logits 0 (BCE ln 2, IoU 1 - 1/5.5); image 1: full mask, logits 0 (see above)
        float[] logits = new float[18];
        float[] gt = new float[18];
        java.util.Arrays.fill(gt, 9, 18, 1);
        StructureLoss.Terms t = new StructureLoss(BceWeighting.WEIGHTED)
                .compute(map(2, 3, 3, logits), map(2, 3, 3, gt));
        double w = 1 + 5 * (1 - 9.0 / 961);
        double iouFull = 1 - (4.5 * w + 1) / (9 * w + 1);
        assertThat(t.bce().getFloat()).isCloseTo((float) LN2, within(1e-6f));
        assertThat(t.iou().getFloat()).isCloseTo((float) ((1 - 1 / 5.5 + iouFull) / 2), within(1e-6f));
    }

    @Test
    void weightedBceGradientIsTheWeightedResidual() {
        float[] gt = {1, 1, 0, 1, 0, 0, 0, 0, 0};
        float[] values = {2, 1, -1, 0.5f, -2, 0, -3, 1, -0.5f};
        NDArray logits = map(1, 3, 3, values);
        logits.setRequiresGradient(true);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            collector.backward(new StructureLoss(BceWeighting.WEIGHTED).compute(logits, map(1, 3, 3, gt)).bce());
        }
        float[] grad = logits.getGradient().toFloatArray();
        double sumW = 3 * (1 + 5 * 958.0 / 961) + 6 * (1 + 15.0 / 961);
        for (int i = 0; i < 9; i++) {
            double w = gt[i] == 1 ? 1 + 5 * 958.0 / 961 : 1 + 15.0 / 961;
            double residual = 1 / (1 + Math.exp(-values[i])) - gt[i];
            assertThat(grad[i]).as("pixel %d", i).isCloseTo((float) (w * residual / sumW), within(1e-6f));
        }
    }

    @Test
    void bceIsStableForLargeLogits() {
        NDArray bce = BinaryCrossEntropy.perElement(manager.create(new float[] {-100, 100, 100}),
                manager.create(new float[] {0, 1, 0}));
        assertThat(bce.toFloatArray()).containsExactly(new float[] {0, 0, 100}, within(1e-5f));
    }
}
