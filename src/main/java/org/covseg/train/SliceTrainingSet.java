package org.covseg.train;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.covseg.data.LabeledSlice;
import org.covseg.data.augment.SlicePlanes;
import org.covseg.image.BilinearResize;
import org.covseg.image.MaskEdges;
import org.covseg.image.Volume;
import org.covseg.model.ModelSpec;
import org.covseg.model.NetworkInput;

/**
 * Labeled slices prepared once at the training size: grey images windowed and resized as {@link NetworkInput} does
 * (normalised when a batch is loaded), masks and edges resized bilinearly to soft [0, 1] maps (as the official loader
 * resizes its PNG masks). Edges come from the dataset's Edge maps when present, otherwise from the mask
 * ({@link MaskEdges}, radius 1).
 */
public final class SliceTrainingSet implements TrainingSet {

    private final int size;
    private final float[] mean;
    private final float[] std;
    private final List<SlicePlanes> slices = new ArrayList<>();

    public SliceTrainingSet(List<LabeledSlice> slices, ModelSpec spec, int size) {
        this.size = size;
        this.mean = spec.mean().clone();
        this.std = spec.std().clone();
        for (LabeledSlice s : slices) {
            Volume mask = s.mask();
            float[] binary = binary(mask.toArray());
            float[] edge = s.edge().map(e -> binary(e.toArray()))
                    .orElseGet(() -> MaskEdges.of(binary, mask.width(), mask.height(), 1));
            this.slices.add(new SlicePlanes(size, NetworkInput.grey(s.image(), spec, size), resize(binary, mask),
                    resize(edge, mask)));
        }
    }

    private SliceTrainingSet(SliceTrainingSet base) {
        this.size = base.size;
        this.mean = base.mean;
        this.std = base.std;
        this.slices.addAll(base.slices);
    }

    /**
     * These slices followed by those of {@code more} (neither set changes; the prepared planes are shared, so growing
     * a set by another costs no copy).
     */
    public SliceTrainingSet plus(SliceTrainingSet more) {
        if (more.size != size) {
            throw new IllegalArgumentException("cannot join " + size + " px and " + more.size + " px slices");
        }
        SliceTrainingSet joined = new SliceTrainingSet(this);
        joined.slices.addAll(more.slices);
        return joined;
    }

    private float[] resize(float[] plane, Volume like) {
        return BilinearResize.resize(plane, like.width(), like.height(), size, size, false);
    }

    private static float[] binary(float[] values) {
        float[] out = new float[values.length];
        for (int p = 0; p < values.length; p++) {
            out[p] = values[p] > 0 ? 1 : 0;
        }
        return out;
    }

    @Override
    public int size() {
        return slices.size();
    }

    /** The prepared planes of slice {@code index} (shared: do not modify). */
    public SlicePlanes planes(int index) {
        return slices.get(index);
    }

    /** The slice as the network sees it, not augmented. */
    public TrainingSample sample(int index) {
        SlicePlanes p = slices.get(index);
        return new TrainingSample(size, normalise(p.grey()), p.mask(), p.edge());
    }

    /** Grey levels 0..255 → the three normalised input channels. */
    public float[] normalise(float[] grey) {
        return NetworkInput.normalise(grey, mean, std);
    }

    /** The grey levels 0..255 the network input's first channel stands for (a normalised 0 is the mean level). */
    public float[] greyOfFirstChannel(float[] image) {
        return NetworkInput.greyOfFirstChannel(image, size * size, mean, std);
    }

    @Override
    public Batch load(NDManager manager, int[] indices) {
        return Batch.of(manager, Arrays.stream(indices).mapToObj(this::sample).toList());
    }
}
