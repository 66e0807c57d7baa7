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
import org.covseg.model.TestTimeFlips;

/**
 * Runs a single-class infection model of any {@link org.covseg.nn.SegmentationArchitecture} on slices: batches
 * them, runs the network in eval mode and returns the sigmoid of its segmentation output (Inf-Net's map2) resized
 * back to each slice's own size (the logits are resized, then the sigmoid applied, as the official test script does).
 * With the model's {@link TestTimeFlips}, that map is the mean of the maps of the slice's mirrored copies; an ensemble's
 * map is the mean over its members (and their mirrored copies).
 */
public final class InfectionSegmenter implements AutoCloseable {

    /** One network and the spec of the model folder it came from. */
    private record Member(Block net, ModelSpec spec) {
    }

    private final NDManager manager;
    private final List<Member> members;
    private final ModelSpec spec;
    private final TestTimeFlips flips;
    private final int batchSize;

    private InfectionSegmenter(NDManager manager, List<Member> members, ModelSpec spec, TestTimeFlips flips,
            int batchSize) {
        this.manager = manager;
        this.members = members;
        this.spec = spec;
        this.flips = flips;
        this.batchSize = batchSize;
    }

    /** The model of {@code modelDir}, run as its model.json says (with its test-time flips). */
    public static InfectionSegmenter open(Path modelDir, int batchSize) {
        return open(modelDir, batchSize, false);
    }

    /**
     * The model of {@code modelDir} as a multiclass model's prior: the network's own map, without test-time flips,
     * as multiclass models are trained with it, whatever the infection model's own masks use.
     */
    public static InfectionSegmenter openPrior(Path modelDir, int batchSize) {
        return open(modelDir, batchSize, true);
    }

    private static InfectionSegmenter open(Path modelDir, int batchSize, boolean prior) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        ModelSpec spec = ModelDir.readSpec(modelDir);
        NDManager manager = Numerics.newManager();
        try {
            List<Member> members = new ArrayList<>();
            for (Path dir : spec.isEnsemble() ? ModelDir.members(modelDir, spec) : List.of(modelDir)) {
                ModelSpec own = dir.equals(modelDir) ? spec : ModelDir.readSpec(dir);
                members.add(new Member(ModelDir.loadNetwork(dir, own, manager), own));
            }
            return new InfectionSegmenter(manager, members, spec, prior ? TestTimeFlips.NONE : spec.flips(),
                    batchSize);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** Wraps an in-memory network (e.g. during training); the caller keeps ownership of the network. */
    public static InfectionSegmenter of(Block net, ModelSpec spec, int batchSize) {
        return new InfectionSegmenter(Numerics.newManager(), List.of(new Member(net, spec)), spec, spec.flips(),
                batchSize);
    }

    public ModelSpec spec() {
        return spec;
    }

    /** Infection probability maps (row-major, each slice's width x height), one per depth-1 slice. */
    public List<float[]> predict(List<Volume> slices, IntConsumer slicesDone) {
        List<float[]> maps = new ArrayList<>(slices.size());
        for (int start = 0; start < slices.size(); start += batchSize) {
            List<Volume> batch = slices.subList(start, Math.min(slices.size(), start + batchSize));
            float[] input = NetworkInput.batch(batch, spec);
            List<TestTimeFlips.Mirror> mirrors = flips.mirrors();
            List<float[]> inputs = mirrors.stream().map(m -> Mirrors.apply(m, input, spec.inputSize())).toList();
            List<float[]> mean = null;
            int copies = 0;
            for (Member member : members) {
                for (int m = 0; m < mirrors.size(); m++) {
                    List<float[]> mapsOfCopy = probabilities(member, inputs.get(m), batch, mirrors.get(m));
                    mean = mean == null ? mapsOfCopy : addInto(mean, mapsOfCopy);
                    copies++;
                }
            }
            if (copies > 1) {
                for (float[] sum : mean) {
                    for (int p = 0; p < sum.length; p++) {
                        sum[p] /= copies;
                    }
                }
            }
            maps.addAll(mean);
            slicesDone.accept(batch.size());
        }
        return maps;
    }

    /** One member's maps of one mirrored copy of a batch's input, mirrored back. */
    private List<float[]> probabilities(Member member, float[] input, List<Volume> batch,
            TestTimeFlips.Mirror mirror) {
        int size = spec.inputSize();
        float[] logits;
        try (NDManager step = manager.newSubManager()) {
            NDArray x = step.create(input, new Shape(batch.size(), 3, size, size));
            NDList out = member.net().forward(new ParameterStore(step, false), new NDList(x), false);
            int output = member.spec().segmentationArchitecture().segmentationOutput();
            logits = FiniteOutputs.require(out.get(output).toFloatArray(), member.spec().describe());
        }
        logits = Mirrors.apply(mirror, logits, size);
        List<float[]> maps = new ArrayList<>(batch.size());
        for (int b = 0; b < batch.size(); b++) {
            maps.add(LogitPlanes.probability(logits, b, size, batch.get(b)));
        }
        return maps;
    }

    private static List<float[]> addInto(List<float[]> sums, List<float[]> maps) {
        for (int i = 0; i < sums.size(); i++) {
            float[] sum = sums.get(i);
            float[] map = maps.get(i);
            for (int p = 0; p < sum.length; p++) {
                sum[p] += map[p];
            }
        }
        return sums;
    }

    @Override
    public void close() {
        manager.close();
    }
}
