package org.covseg.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import java.util.Map;
import org.covseg.nn.InfNet;
import org.covseg.nn.InfNetConfig;

/**
 * {@code covseg bench}: wall-clock speed of an Inf-Net configuration on this machine — eval inference per slice at
 * batch 1 and 4, and a full training step (forward, loss, backward, clamp, Adam) per image at batch 4 — as the
 * median of timed repetitions after warm-up, with the peak resident memory. Random weights and inputs: speed does
 * not depend on the values.
 */
public final class Benchmark {

    /** The measured numbers (milliseconds per slice or image). */
    public record Result(InfNetConfig config, int threads, String ompWaitPolicy, double inferenceBatch1Ms,
                         double inferenceBatch4Ms, double trainingBatch4Ms, long peakRssBytes, int repetitions) {
    }

    private static final int WARMUP = 2;

    private Benchmark() {
    }

    public static Result run(InfNetConfig config, int threads, int repetitions) {
        EngineSetup.threads(threads);
        try (NDManager manager = NDManager.newBaseManager()) {
            InfNet net = new InfNet(config);
            net.initialize(manager, DataType.FLOAT32, config.inputShape(1));
            double inference1 = median(repetitions, () -> infer(net, manager, config, 1)) / 1;
            double inference4 = median(repetitions, () -> infer(net, manager, config, 4)) / 4;
            Map<String, NDArray> trainable = ModelArrays.trainable(net);
            double training;
            try (Adam adam = new Adam(trainable, manager, 0)) {
                InfNetObjective objective = new InfNetObjective(BceWeighting.WEIGHTED);
                training = median(repetitions, () -> trainStep(net, manager, config, objective, adam,
                        trainable)) / 4;
            }
            String omp = System.getenv("OMP_WAIT_POLICY");
            return new Result(config, EngineSetup.threads(), omp == null ? "(default)" : omp, inference1, inference4,
                    training, ResidentMemory.peakBytes(), repetitions);
        }
    }

    private static void infer(InfNet net, NDManager manager, InfNetConfig config, int batch) {
        try (NDManager step = manager.newSubManager()) {
            NDArray x = step.randomNormal(config.inputShape(batch));
            NDList out = net.forward(new ParameterStore(step, false), new NDList(x), false);
            out.get(3).toFloatArray();
        }
    }

    private static void trainStep(InfNet net, NDManager manager, InfNetConfig config, InfNetObjective objective,
            Adam adam, Map<String, NDArray> trainable) {
        int size = config.inputSize();
        try (NDManager step = manager.newSubManager()) {
            Batch batch = new Batch(step.randomNormal(config.inputShape(4)),
                    step.randomUniform(0, 1, new Shape(4, 1, size, size)).gt(0.7).toType(DataType.FLOAT32, false),
                    step.randomUniform(0, 1, new Shape(4, 1, size, size)).gt(0.9).toType(DataType.FLOAT32, false));
            Gradients.zero(trainable.values(), step);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDList outputs = net.forward(new ParameterStore(step, false), new NDList(batch.images()), true);
                collector.backward(objective.loss(outputs, batch).total());
            }
            Gradients.clampInPlace(trainable.values(), 0.5, step);
            adam.step(1e-4, step);
        }
        NativeMemory.trim();
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
