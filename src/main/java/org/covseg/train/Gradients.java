package org.covseg.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import java.util.Collection;

/**
 * Access to the gradients of parameter arrays without leaking: {@code getGradient()} returns a new handle attached to
 * the parameter's (long-lived) manager, so every handle is moved to the caller's per-step manager at once.
 */
public final class Gradients {

    private static final NDIndex ALL = new NDIndex("...");

    private Gradients() {
    }

    /** A handle on the gradient of {@code weight}, closed with {@code step}; writes through it change the gradient. */
    public static NDArray of(NDArray weight, NDManager step) {
        NDArray gradient = weight.getGradient();
        gradient.attach(step);
        return gradient;
    }

    /**
     * Clamps every gradient element to [−limit, limit] in place (both sides: DJL's {@code optClipGrad} only clamps the
     * upper side). This is the official Inf-Net {@code clip_gradient}.
     */
    public static void clampInPlace(Collection<NDArray> weights, double limit, NDManager step) {
        for (NDArray weight : weights) {
            NDArray gradient = of(weight, step);
            gradient.set(ALL, gradient.clip(-limit, limit));
        }
    }

    /** Sets every gradient to zero (PyTorch accumulates gradients over backward passes). */
    public static void zero(Collection<NDArray> weights, NDManager step) {
        for (NDArray weight : weights) {
            of(weight, step).set(ALL, 0f);
        }
    }
}
