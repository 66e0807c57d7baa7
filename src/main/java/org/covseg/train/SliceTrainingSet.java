package org.covseg.train;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.covseg.data.LabeledSlice;
import org.covseg.image.BilinearResize;
import org.covseg.image.MaskEdges;
import org.covseg.image.Volume;
import org.covseg.infer.ModelSpec;
import org.covseg.infer.NetworkInput;

/**
 * Labeled slices prepared once at the training size: images windowed/normalised as {@link NetworkInput} does,
 * masks and edges resized bilinearly to soft [0, 1] maps (as the official loader resizes its PNG masks). Edges come
 * from the dataset's Edge maps when present, otherwise from the mask ({@link MaskEdges}, radius 1).
 */
public final class SliceTrainingSet implements TrainingSet {

    private final int size;
    private final List<float[]> images = new ArrayList<>();
    private final List<float[]> masks = new ArrayList<>();
    private final List<float[]> edges = new ArrayList<>();

    public SliceTrainingSet(List<LabeledSlice> slices, ModelSpec spec, int size) {
        this.size = size;
        for (LabeledSlice s : slices) {
            images.add(NetworkInput.of(s.image(), spec, size));
            Volume mask = s.mask();
            float[] binary = binary(mask.toArray());
            masks.add(resize(binary, mask));
            float[] edge = s.edge().map(e -> binary(e.toArray()))
                    .orElseGet(() -> MaskEdges.of(binary, mask.width(), mask.height(), 1));
            edges.add(resize(edge, mask));
        }
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
        return images.size();
    }

    @Override
    public Batch load(NDManager manager, int[] indices) {
        int plane = size * size;
        float[] x = new float[indices.length * 3 * plane];
        float[] m = new float[indices.length * plane];
        float[] e = new float[indices.length * plane];
        for (int b = 0; b < indices.length; b++) {
            System.arraycopy(images.get(indices[b]), 0, x, b * 3 * plane, 3 * plane);
            System.arraycopy(masks.get(indices[b]), 0, m, b * plane, plane);
            System.arraycopy(edges.get(indices[b]), 0, e, b * plane, plane);
        }
        return new Batch(manager.create(x, new Shape(indices.length, 3, size, size)),
                manager.create(m, new Shape(indices.length, 1, size, size)),
                manager.create(e, new Shape(indices.length, 1, size, size)));
    }
}
