package org.covseg.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The DJL layers and ops the backbone relies on behave as their PyTorch counterparts. */
@ExtendWith(NDManagerExtension.class)
class LayersTest {

    @Test
    void batchNormFollowsPyTorchConventions(NDManager manager) {
        BatchNorm bn = Layers.batchNorm();
        // one channel, batch values 1, 2, 3, 6: mean 3, biased variance 3.5, unbiased variance 14/3
        NDArray x = manager.create(new float[] {1, 2, 3, 6}, new Shape(4, 1, 1, 1));
        bn.initialize(manager, DataType.FLOAT32, x.getShape());
        ParameterStore store = new ParameterStore(manager, false);

        NDArray trained = bn.forward(store, new NDList(x), true).singletonOrThrow();
        assertThat(trained.toFloatArray()).containsExactly(new float[] {
                (float) (-2 / Math.sqrt(3.5 + 1e-5)), (float) (-1 / Math.sqrt(3.5 + 1e-5)), 0,
                (float) (3 / Math.sqrt(3.5 + 1e-5))}, within(1e-5f));
        // PyTorch momentum 0.1: running = 0.9 running + 0.1 batch, the variance unbiased
        float runningMean = bn.getParameters().get("runningMean").getArray().getFloat(0);
        float runningVar = bn.getParameters().get("runningVar").getArray().getFloat(0);
        assertThat(runningMean).isCloseTo(0.3f, within(1e-6f));
        assertThat(runningVar).isCloseTo(0.9f + 0.1f * 14 / 3f, within(1e-6f));

        NDArray evaluated = bn.forward(store, new NDList(x), false).singletonOrThrow();
        float expected = (float) ((6 - 0.3) / Math.sqrt(runningVar + 1e-5));
        assertThat(evaluated.getFloat(3, 0, 0, 0)).isCloseTo(expected, within(1e-5f));
        assertThat(bn.getParameters().get("runningMean").getArray().getFloat(0)).isEqualTo(runningMean);
    }

    @Test
    void downsamplePoolAveragesOnlyInsideTheInputInCeilMode(NDManager manager) {
        // 3x3 input, 2x2 windows with stride 2, ceil mode: 2x2 output, partial windows at the end divided by
        // their in-bounds size (the engine ignores countIncludePad=false, so this relies on padding 0)
        NDArray x = manager.create(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, new Shape(1, 1, 3, 3));
        NDArray y = Pool.avgPool2d(x, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), true, false);
        assertThat(y.toFloatArray()).containsExactly(new float[] {3, 4.5f, 7.5f, 9}, within(1e-6f));
    }

    @Test
    void stagePoolCountsPaddingInTheDivisor(NDManager manager) {
        // nn.AvgPool2d(3, stride=2, padding=1) on ones: corners see 4 of 9 cells, edges 6 of 9
        NDArray x = manager.ones(new Shape(1, 1, 4, 4));
        NDArray y = Pool.avgPool2d(x, new Shape(3, 3), new Shape(2, 2), new Shape(1, 1), false, true);
        assertThat(y.toFloatArray()).containsExactly(new float[] {4 / 9f, 6 / 9f, 6 / 9f, 1}, within(1e-6f));
    }
}
