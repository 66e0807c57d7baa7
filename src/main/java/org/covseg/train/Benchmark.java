package org.covseg.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import java.util.Map;
import org.covseg.engine.EngineSetup;
import org.covseg.engine.Numerics;
import org.covseg.engine.NumericsMode;
import org.covseg.nn.SegmentationArchitecture;

/**
 * {@code covseg bench}: wall-clock speed of a segmentation network configuration on this machine — eval inference per slice at
 * batch 1 and 4, and a full training step (forward, loss, backward, clamp, Adam) per image at batch 4 — as the
 * median of timed repetitions after warm-up, with the peak resident memory. Random weights and inputs: speed does
 * not depend on the values.
 */
public final class Benchmark {

    /** The measured numbers (milliseconds per slice or image). */
    public record Result(SegmentationArchitecture architecture, double width, int inputSize, int threads, String ompWaitPolicy, double inferenceBatch1Ms,
                         double inferenceBatch4Ms, double trainingBatch4Ms, long peakRssBytes, int repetitions,
                         NumericsMode numerics) {
    }

    private static final int WARMUP = 2;

    private Benchmark() {
    }

    /** Times {@code architecture} at {@code width} on {@code size x size} inputs. */
    public static Result run(SegmentationArchitecture architecture, double width, int size, int threads,
            int repetitions) {
        EngineSetup.threads(threads);
        try (NDManager manager = Numerics.newManager()) {
            Block net = architecture.build(width, size);
            Network network = new Network(net, architecture, size);
            net.initialize(manager, DataType.FLOAT32, architecture.inputShape(1, size));
            double inference1 = median(repetitions, () -> infer(network, manager, 1)) / 1;
            double inference4 = median(repetitions, () -> infer(network, manager, 4)) / 4;
            Map<String, NDArray> trainable = ModelArrays.trainable(net);
            double training;
            try (Adam adam = new Adam(trainable, manager, 0)) {
                Objective objective = InfectionTraining.objective(architecture, BceWeighting.WEIGHTED);
                training = median(repetitions, () -> trainStep(network, manager, objective, adam, trainable)) / 4;
            }
            String omp = System.getenv("OMP_WAIT_POLICY");
            return new Result(architecture, width, size, EngineSetup.threads(), omp == null ? "(default)" : omp,
                    inference1, inference4, training, ResidentMemory.peakBytes(), repetitions, Numerics.ensure());
        }
    }

    private record Network(Block block, SegmentationArchitecture architecture, int size) {
        Shape inputShape(int batch) {
            return architecture.inputShape(batch, size);
        }
    }

    private static void infer(Network network, NDManager manager, int batch) {
        try (NDManager step = manager.newSubManager()) {
            NDArray x = step.randomNormal(network.inputShape(batch));
            NDList out = network.block().forward(new ParameterStore(step, false), new NDList(x), false);
            out.get(network.architecture().segmentationOutput()).toFloatArray();
        }
    }

    private static void trainStep(Network network, NDManager manager, Objective objective, Adam adam,
            Map<String, NDArray> trainable) {
        int size = network.size();
        try (NDManager step = manager.newSubManager()) {
            Batch batch = new Batch(step.randomNormal(network.inputShape(4)),
                    step.randomUniform(0, 1, new Shape(4, 1, size, size)).gt(0.7).toType(DataType.FLOAT32, false),
                    step.randomUniform(0, 1, new Shape(4, 1, size, size)).gt(0.9).toType(DataType.FLOAT32, false));
            Gradients.zero(trainable.values(), step);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDList outputs = network.block().forward(new ParameterStore(step, false),
                        new NDList(batch.images()), true);
                collector.backward(objective.loss(outputs, batch).total());
            }
            Gradients.clampInPlace(trainable.values(), 0.5, step);
            adam.step(1e-4, step);
        }
        NativeMemory.afterStep();
    }

    private static double median(int repetitions, Runnable task) {
        for (int i = 0; i < WARMUP; i++) {
            task.run();
        }
        double[] ms = new double[repetitions];
        for (int i = 0; i < repetitions; i++) {
            long start = System.nanoTime();
            task.run();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return repetitions % 2 == 1 ? ms[repetitions / 2] : (ms[repetitions / 2 - 1] + ms[repetitions / 2]) / 2;
    }
}
