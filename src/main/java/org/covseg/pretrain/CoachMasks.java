package org.covseg.pretrain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import org.covseg.nn.Coach;

/**
 * Turns the coach's cell logits into keep-masks (reference: Singh et al.): the threshold is the k-th largest logit
 * of each slice with {@code k = floor(cells·keepFraction)}, the cell's keep value is
 * {@code sigmoid(α·(logit − threshold))}, and each cell covers {@value Coach#CELL}x{@value Coach#CELL} pixels
 * (nearest-neighbour upsampling). A soft mask (α = 1) lets the coach learn through it; the inpainter gets the
 * binarised mask.
 */
public final class CoachMasks {

    private CoachMasks() {
    }

    /** Soft keep values per cell, {@code (N, 1, h, w)} in (0, 1); differentiable in the logits. */
    public static NDArray soft(NDArray logits, double keepFraction, float alpha) {
        Shape shape = logits.getShape();
        long n = shape.get(0);
        int cells = (int) (shape.get(2) * shape.get(3));
        int kept = Math.max(1, (int) Math.floor(cells * keepFraction));
        NDArray flat = logits.reshape(n, cells);
        NDArray threshold = flat.sort(1).get(":, " + (cells - kept)).reshape(n, 1, 1, 1);
        return Activation.sigmoid(logits.sub(threshold).mul(alpha));
    }

    /** The same cells binarised at 0.5: exactly the top {@code k} cells of each slice are kept (ties aside). */
    public static NDArray binary(NDArray logits, double keepFraction) {
        return soft(logits, keepFraction, 1).gte(0.5f).toType(logits.getDataType(), false);
    }

    /** Cell values {@code (N, 1, h, w)} → pixel mask {@code (N, 1, h·16, w·16)}. */
    public static NDArray toPixels(NDArray cells) {
        return cells.repeat(2, Coach.CELL).repeat(3, Coach.CELL);
    }
}
