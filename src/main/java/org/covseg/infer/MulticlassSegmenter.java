package org.covseg.infer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
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
import org.covseg.nn.UNet;

/**
 * Runs a multiclass model on slices: the prior infection model ({@link ModelDir#priorOf}) first gives each slice's
 * infection probability at the slice's own size, then the U-Net gets the slice and that prior
 * ({@link MulticlassInput}); each class's logits are resized back to the slice's size before the sigmoid, as
 * {@link InfectionSegmenter} does.
 */
public final class MulticlassSegmenter implements AutoCloseable {

    private final NDManager manager;
    private final UNet net;
    private final ModelSpec spec;
    private final InfectionSegmenter prior;
    private final int batchSize;

    private MulticlassSegmenter(NDManager manager, UNet net, ModelSpec spec, InfectionSegmenter prior,
            int batchSize) {
        this.manager = manager;
        this.net = net;
        this.spec = spec;
        this.prior = prior;
        this.batchSize = batchSize;
    }

    public static MulticlassSegmenter open(Path modelDir, int batchSize) {
        ModelSpec spec = ModelDir.readSpec(modelDir);
        Path priorDir = spec.isMulticlass() ? ModelDir.priorOf(modelDir, spec) : null;
        NDManager manager = Numerics.newManager();
        try {
            UNet net = ModelDir.loadMulticlassNetwork(modelDir, spec, manager);
            return new MulticlassSegmenter(manager, net, spec, InfectionSegmenter.openPrior(priorDir, batchSize),
                    batchSize);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    public ModelSpec spec() {
        return spec;
    }

    /** The model folder's prior, as found. */
    public ModelSpec priorSpec() {
        return prior.spec();
    }

    /** Class maps at each slice's size, one per depth-1 slice. */
    public List<MulticlassMaps> predict(List<Volume> slices, IntConsumer slicesDone) {
        return predict(slices, null, slicesDone);
    }

    /**
     * Class maps at each slice's size, with the prior maps given (one per slice, at its size) instead of computed:
     * for a caller that has just run the prior model ({@link #priorSpec()}) on the same slices.
     */
    public List<MulticlassMaps> predict(List<Volume> slices, List<float[]> priors, IntConsumer slicesDone) {
        if (priors != null && priors.size() != slices.size()) {
            throw new IllegalArgumentException(priors.size() + " prior maps for " + slices.size() + " slices");
        }
        List<MulticlassMaps> maps = new ArrayList<>(slices.size());
        int size = spec.inputSize();
        int plane = size * size;
        for (int start = 0; start < slices.size(); start += batchSize) {
            int end = Math.min(slices.size(), start + batchSize);
            List<Volume> batch = slices.subList(start, end);
            List<float[]> batchPriors = priors != null ? priors.subList(start, end) : prior.predict(batch, n -> { });
            float[] input = new float[batch.size() * MulticlassInput.CHANNELS * plane];
            for (int b = 0; b < batch.size(); b++) {
                float[] one = MulticlassInput.of(batch.get(b), batchPriors.get(b), spec, size);
                System.arraycopy(one, 0, input, b * one.length, one.length);
            }
            float[] logits;
            try (NDManager step = manager.newSubManager()) {
                NDArray x = step.create(input, new Shape(batch.size(), MulticlassInput.CHANNELS, size, size));
                NDList out = net.forward(new ParameterStore(step, false), new NDList(x), false);
                logits = FiniteOutputs.require(out.singletonOrThrow().toFloatArray(), spec.describe());
            }
            for (int b = 0; b < batch.size(); b++) {
                Volume slice = batch.get(b);
                float[][] probabilities = new float[UNet.CLASSES][];
                for (int c = 0; c < UNet.CLASSES; c++) {
                    probabilities[c] = LogitPlanes.probability(logits, b * UNet.CLASSES + c, size, slice);
                }
                maps.add(MulticlassMaps.of(probabilities[0], probabilities[1], probabilities[2]));
            }
            slicesDone.accept(batch.size());
        }
        return maps;
    }

    @Override
    public void close() {
        try {
            prior.close();
        } finally {
            manager.close();
        }
    }
}
