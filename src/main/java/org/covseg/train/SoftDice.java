package org.covseg.train;

import ai.djl.ndarray.NDArray;

/**
 * The soft Dice loss of class probability maps (N×C×H×W) against soft one-hot targets, per class over the whole
 * batch: {@code 1 − (2·Σ p·g + 1) / (Σ p + Σ g + 1)}. The smoothing 1 keeps a class absent from a batch finite (its
 * loss is then {@code Σp / (Σp + 1)}, which still pushes false positives down).
 */
public final class SoftDice {

    private static final float SMOOTH = 1;

    private SoftDice() {
    }

    /** The mean over classes {@code from} to C − 1 of each class's batch Dice loss, as a scalar. */
    public static NDArray loss(NDArray probability, NDArray target, int from) {
        long classes = probability.getShape().get(1);
        NDArray p = probability.get(":, " + from + ":" + classes);
        NDArray g = target.get(":, " + from + ":" + classes);
        int[] everyAxisButClass = {0, 2, 3};
        NDArray overlap = p.mul(g).sum(everyAxisButClass).mul(2).add(SMOOTH);
        NDArray total = p.sum(everyAxisButClass).add(g.sum(everyAxisButClass)).add(SMOOTH);
        return overlap.div(total).neg().add(1).mean();
    }
}
