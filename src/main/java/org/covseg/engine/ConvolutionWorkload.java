package org.covseg.engine;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;

/**
 * A fixed convolution workload that ranks the numerics modes by speed: forward and backward, batch 4 (inference's
 * default batch), of the 3×3 convolutions of the shipped 128 px networks at width 0.25 (COVID-SegNet, U-Net): 16, 32,
 * 64 and 128 channels at 128², 64², 32² and 16². The best of three timed runs after a warm-up, in ms.
 *
 * <p>It used to be a Res2Net bottleneck at Inf-Net's 352 px, which ranked PyTorch's own kernels first on an AVX-512
 * CPU while they ran {@code covseg analyze} with the shipped models 1.8 times slower than oneDNN capped at SSE4.1
 * (docs/results.md, "Numerics modes").
 */
final class ConvolutionWorkload {

    private static final int RUNS = 3;
    /** in channels, out channels, size, kernel */
    private static final int[][] LAYERS = {{16, 16, 128, 3}, {32, 32, 64, 3}, {64, 64, 32, 3}, {128, 128, 16, 3}};
    private static final int BATCH = 4;

    private ConvolutionWorkload() {
    }

    static double millis() {
        try (NDManager manager = NDManager.newBaseManager()) {
            List<NDArray[]> layers = new ArrayList<>();
            for (int[] l : LAYERS) {
                layers.add(new NDArray[] {manager.randomNormal(new Shape(BATCH, l[0], l[2], l[2])),
                    manager.randomNormal(new Shape(l[1], l[0], l[3], l[3]))});
            }
            run(layers);
            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i < RUNS; i++) {
                long start = System.nanoTime();
                run(layers);
                best = Math.min(best, (System.nanoTime() - start) / 1e6);
            }
            return best;
        }
    }

    private static void run(List<NDArray[]> layers) {
        for (NDArray[] layer : layers) {
            NDArray x = layer[0];
            NDArray w = layer[1];
            int padding = (int) w.getShape().get(2) / 2;
            x.setRequiresGradient(true);
            w.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray y = Conv2d.conv2d(x, w, null, new Shape(1, 1), new Shape(padding, padding), new Shape(1, 1),
                        1).head();
                collector.backward(y.sum());
            }
            x.getGradient().toFloatArray();
        }
    }
}
