package org.covseg.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Objects;

/** One training batch: images N×C×H×W (normalised as the model expects), masks and edge maps N×1×H×W in [0, 1]. */
public record Batch(NDArray images, NDArray masks, NDArray edges) {

    public Batch {
        Objects.requireNonNull(images, "images");
        Objects.requireNonNull(masks, "masks");
        Objects.requireNonNull(edges, "edges");
    }

    /** Moves the arrays to {@code manager} until it closes, so everything computed from them is released with it. */
    public void attachTemporarily(NDManager manager) {
        manager.tempAttachAll(images, masks, edges);
    }

    /** The batch resized to size×size by {@code resizer}, or this batch if it already has that size. */
    public Batch resized(Resizer resizer, int size) {
        if (height() == size && width() == size) {
            return this;
        }
        return new Batch(resizer.resize(images, size, size), resizer.resize(masks, size, size),
                resizer.resize(edges, size, size));
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
