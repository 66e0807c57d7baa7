package org.covseg.engine;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;

/**
 * A fixed convolution workload that ranks the numerics modes by speed: forward and backward of Res2Net-like 3×3
 * convolutions (26 channels at 88², 64 at 44², batch 2). The best of five timed runs after a warm-up, in ms.
 */
final class ConvolutionWorkload {

    private static final int RUNS = 5;

    private ConvolutionWorkload() {
    }

    static double millis() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x1 = manager.randomNormal(new Shape(2, 26, 88, 88));
            NDArray w1 = manager.randomNormal(new Shape(26, 26, 3, 3));
            NDArray x2 = manager.randomNormal(new Shape(2, 64, 44, 44));
            NDArray w2 = manager.randomNormal(new Shape(64, 64, 3, 3));
            run(x1, w1, x2, w2);
            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i < RUNS; i++) {
                long start = System.nanoTime();
                run(x1, w1, x2, w2);
                best = Math.min(best, (System.nanoTime() - start) / 1e6);
            }
            return best;
        }
    }

    private static void run(NDArray x1, NDArray w1, NDArray x2, NDArray w2) {
        x1.setRequiresGradient(true);
        x2.setRequiresGradient(true);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray a = Conv2d.conv2d(x1, w1, null, new Shape(1, 1), new Shape(1, 1), new Shape(1, 1), 1).head();
            NDArray b = Conv2d.conv2d(x2, w2, null, new Shape(1, 1), new Shape(1, 1), new Shape(1, 1), 1).head();
            collector.backward(a.sum().add(b.sum()));
        }
        x1.getGradient().toFloatArray();
    }
}
