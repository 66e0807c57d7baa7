package org.covseg.train;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/** Binary cross-entropy on logits, for targets in [0, 1] (soft targets such as resized masks included). */
public final class BinaryCrossEntropy {

    private BinaryCrossEntropy() {
    }

    /**
     * Per-element {@code −z·log σ(x) − (1−z)·log(1−σ(x))}, written as {@code softplus(x) − z·x}: stable for large
     * |x|, and its gradient is exactly {@code σ(x) − z}.
     */
    public static NDArray perElement(NDArray logits, NDArray target) {
        return Activation.softPlus(logits).sub(logits.mul(target));
    }

    /** The mean over all elements (PyTorch's {@code BCEWithLogitsLoss()}). */
    public static NDArray mean(NDArray logits, NDArray target) {
        return perElement(logits, target).mean();
    }
}
