package org.covseg.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Objects;

/**
 * One training batch: images N×C×H×W (normalised as the model expects), target masks N×K×H×W in [0, 1] (K = 1 for
 * the infection mask, one channel per class for one-hot multi-class targets) and edge maps N×1×H×W in [0, 1], or
 * null for objectives without edge supervision.
 */
public record Batch(NDArray images, NDArray masks, NDArray edges) {

    public Batch {
        Objects.requireNonNull(images, "images");
        Objects.requireNonNull(masks, "masks");
    }

    /** A batch without edge maps. */
    public static Batch withoutEdges(NDArray images, NDArray masks) {
        return new Batch(images, masks, null);
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
