package org.covseg.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Objects;

/**
 * One training batch: images N×C×H×W (normalised as the model expects), target masks N×K×H×W in [0, 1] (K = 1 for
 * the infection mask, one channel per class for one-hot multi-class targets; N×1×1×1 labels for image-level
 * detection) and edge maps N×1×H×W in [0, 1], or null for objectives without edge supervision.
 */
public record Batch(NDArray images, NDArray masks, NDArray edges) {

    public Batch {
        Objects.requireNonNull(images, "images");
        Objects.requireNonNull(masks, "masks");
    }

    /** A batch without edge maps (multi-class targets, or image-level labels N×1×1×1). */
    public static Batch withoutEdges(NDArray images, NDArray masks) {
        return new Batch(images, masks, null);
    }

    /** The samples (all of one size) stacked into a batch whose arrays are created in {@code manager}. */
    public static Batch of(NDManager manager, List<TrainingSample> samples) {
        int size = samples.get(0).size();
        int plane = size * size;
        float[] x = new float[samples.size() * 3 * plane];
        float[] m = new float[samples.size() * plane];
        float[] e = new float[samples.size() * plane];
        for (int b = 0; b < samples.size(); b++) {
            TrainingSample s = samples.get(b);
            if (s.size() != size) {
                throw new IllegalArgumentException("samples of " + size + " and " + s.size() + " px in one batch");
            }
            System.arraycopy(s.image(), 0, x, b * 3 * plane, 3 * plane);
            System.arraycopy(s.mask(), 0, m, b * plane, plane);
            System.arraycopy(s.edge(), 0, e, b * plane, plane);
        }
        int n = samples.size();
        return new Batch(manager.create(x, new Shape(n, 3, size, size)), manager.create(m, new Shape(n, 1, size, size)),
                manager.create(e, new Shape(n, 1, size, size)));
    }

    /** Moves the arrays to {@code manager} until it closes, so everything computed from them is released with it. */
    public void attachTemporarily(NDManager manager) {
        manager.tempAttachAll(edges == null ? new NDArray[] {images, masks} : new NDArray[] {images, masks, edges});
    }

    /** The batch resized to size×size by {@code resizer}, or this batch if it already has that size. */
    public Batch resized(Resizer resizer, int size) {
        if (height() == size && width() == size) {
            return this;
        }
        if (edges == null) {
            throw new IllegalStateException("a batch of image-level labels is trained at one size only");
        }
        return new Batch(resizer.resize(images, size, size), resizer.resize(masks, size, size),
                edges == null ? null : resizer.resize(edges, size, size));
    }

    public int size() {
        return (int) images.getShape().get(0);
    }

    public int height() {
        return (int) images.getShape().get(2);
    }

    public int width() {
        return (int) images.getShape().get(3);
    }
}
