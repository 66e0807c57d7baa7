package org.covseg.train;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.covseg.data.ClassifiedSlice;
import org.covseg.model.ModelSpec;
import org.covseg.model.NetworkInput;

/**
 * Image-level labeled slices prepared once at the training size as {@link NetworkInput} does (grey levels resized
 * to the square input, whatever the aspect ratio, and normalised on three channels); labels 1 for COVID-19.
 */
public final class ClassifiedTrainingSet implements TrainingSet {

    private final int size;
    private final List<float[]> images = new ArrayList<>();
    private final float[] labels;

    public ClassifiedTrainingSet(List<ClassifiedSlice> slices, ModelSpec spec, int size) {
        this.size = size;
        this.labels = new float[slices.size()];
        for (int i = 0; i < slices.size(); i++) {
            images.add(NetworkInput.of(slices.get(i).image(), spec, size));
            labels[i] = slices.get(i).label() == ClassifiedSlice.COVID ? 1 : 0;
        }
    }

    @Override
    public int size() {
        return images.size();
    }

    @Override
    public Batch load(NDManager manager, int[] indices) {
        int image = 3 * size * size;
        float[] x = new float[indices.length * image];
        float[] y = new float[indices.length];
        for (int b = 0; b < indices.length; b++) {
            System.arraycopy(images.get(indices[b]), 0, x, b * image, image);
            y[b] = labels[indices[b]];
        }
        return Batch.withoutEdges(manager.create(x, new Shape(indices.length, 3, size, size)),
                manager.create(y, new Shape(indices.length, 1, 1, 1)));
    }
}
