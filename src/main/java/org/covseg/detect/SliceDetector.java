package org.covseg.detect;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntConsumer;
import org.covseg.engine.FiniteOutputs;
import org.covseg.image.Volume;
import org.covseg.model.ModelDir;
import org.covseg.model.ModelSpec;
import org.covseg.model.NetworkInput;
import org.covseg.nn.DetectionNet;

/**
 * Runs a COVID-19 detection model (task "detect") on slices: each depth-1 slice (8-bit grey, or HU windowed with
 * the model's window) is prepared by {@link NetworkInput}, batched, and the network run in eval mode; the result is
 * σ(logit), the probability that the slice is consistent with COVID-19 pneumonia.
 */
public final class SliceDetector implements AutoCloseable {

    private final ModelDir.Loaded<DetectionNet> model;
    private final int batchSize;

    private SliceDetector(ModelDir.Loaded<DetectionNet> model, int batchSize) {
        this.model = model;
        this.batchSize = batchSize;
    }

    public static SliceDetector open(Path modelDir, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        return new SliceDetector(ModelDir.open(modelDir, ModelDir::loadDetector), batchSize);
    }

    public ModelSpec spec() {
        return model.spec();
    }

    /** The probability of COVID-19 for each depth-1 slice, in order; {@code slicesDone} hears each batch. */
    public double[] probabilities(List<Volume> slices, IntConsumer slicesDone) {
        double[] out = new double[slices.size()];
        ModelSpec spec = model.spec();
        int size = spec.inputSize();
        for (int start = 0; start < slices.size(); start += batchSize) {
            List<Volume> batch = slices.subList(start, Math.min(slices.size(), start + batchSize));
            float[] input = NetworkInput.batch(batch, spec);
            float[] logits;
            try (NDManager step = model.manager().newSubManager()) {
                NDList x = new NDList(step.create(input, new Shape(batch.size(), 3, size, size)));
                float[] raw = model.net().forward(new ParameterStore(step, false), x, false).singletonOrThrow()
                        .toFloatArray();
                logits = FiniteOutputs.require(raw, spec.describe());
            }
            for (int b = 0; b < batch.size(); b++) {
                out[start + b] = 1 / (1 + Math.exp(-logits[b]));
            }
            slicesDone.accept(batch.size());
        }
        return out;
    }

    @Override
    public void close() {
        model.close();
    }
}
