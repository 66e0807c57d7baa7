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
 * A fixed convolution workload that ranks the numerics modes by speed: forward and backward, batch 2, of the
 * convolutions a Res2Net bottleneck is made of at Inf-Net's 352 px, first stage: a 1×1 256 → 64 and a
 * 1×1 64 → 256 at 88², a 3×3 on a 26-channel split at 88², and a 3×3 64 → 64 at 44². The best of three
 * timed runs after a warm-up, in ms.
 */
final class ConvolutionWorkload {

    private static final int RUNS = 3;
    /** in channels, out channels, size, kernel */
    private static final int[][] LAYERS = {{256, 64, 88, 1}, {64, 256, 88, 1}, {26, 26, 88, 3}, {64, 64, 44, 3}};

    private ConvolutionWorkload() {
    }

    static double millis() {
        try (NDManager manager = NDManager.newBaseManager()) {
            List<NDArray[]> layers = new ArrayList<>();
            for (int[] l : LAYERS) {
                layers.add(new NDArray[] {manager.randomNormal(new Shape(2, l[0], l[2], l[2])),
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
