package org.covseg.infer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.covseg.engine.FiniteOutputs;
import org.covseg.engine.Numerics;
import org.covseg.image.Volume;
import org.covseg.model.ModelDir;
import org.covseg.model.ModelSpec;
import org.covseg.model.NetworkInput;

/**
 * Runs a single-class infection model of any {@link org.covseg.nn.SegmentationArchitecture} on slices: batches
 * them, runs the network in eval mode and returns the sigmoid of its segmentation output (Inf-Net's map2) resized back to each slice's own size (the logits are resized, then the sigmoid applied, as the
 * official test script does).
 */
public final class InfectionSegmenter implements AutoCloseable {

    private final NDManager manager;
    private final Block net;
    private final ModelSpec spec;
    private final int batchSize;

    private InfectionSegmenter(NDManager manager, Block net, ModelSpec spec, int batchSize) {
        this.manager = manager;
        this.net = net;
        this.spec = spec;
        this.batchSize = batchSize;
    }

    public static InfectionSegmenter open(Path modelDir, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        ModelSpec spec = ModelDir.readSpec(modelDir);
        NDManager manager = Numerics.newManager();
        try {
            return new InfectionSegmenter(manager, ModelDir.loadNetwork(modelDir, spec, manager), spec, batchSize);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** Wraps an in-memory network (e.g. during training); the caller keeps ownership of the network. */
    public static InfectionSegmenter of(Block net, ModelSpec spec, int batchSize) {
        return new InfectionSegmenter(Numerics.newManager(), net, spec, batchSize);
    }

    public ModelSpec spec() {
        return spec;
    }

    /** Infection probability maps (row-major, each slice's width x height), one per depth-1 slice. */
    public List<float[]> predict(List<Volume> slices, IntConsumer slicesDone) {
        List<float[]> maps = new ArrayList<>(slices.size());
        int size = spec.inputSize();
        int output = spec.segmentationArchitecture().segmentationOutput();
        for (int start = 0; start < slices.size(); start += batchSize) {
            List<Volume> batch = slices.subList(start, Math.min(slices.size(), start + batchSize));
            float[] input = NetworkInput.batch(batch, spec);
            float[] logits;
            try (NDManager step = manager.newSubManager()) {
                NDArray x = step.create(input, new Shape(batch.size(), 3, size, size));
                NDList out = net.forward(new ParameterStore(step, false), new NDList(x), false);
                logits = FiniteOutputs.require(out.get(output).toFloatArray(), spec.describe());
            }
            for (int b = 0; b < batch.size(); b++) {
                maps.add(LogitPlanes.probability(logits, b, size, batch.get(b)));
            }
            slicesDone.accept(batch.size());
        }
        return maps;
    }

    @Override
    public void close() {
        manager.close();
    }
}
