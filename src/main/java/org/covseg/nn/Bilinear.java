package org.covseg.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Exact bilinear resizing of the last two axes, with the semantics of PyTorch's
 * {@code F.interpolate(x, size=(h, w), mode='bilinear', align_corners=...)} (no antialiasing), for any sizes, up or
 * down. With a {@code scale_factor} PyTorch gives the same result whenever the input size times the factor is an
 * integer, which holds for every call in Inf-Net.
 *
 * <p>The engine's own bilinear op always antialiases (wrong for {@code align_corners=True} and for downsampling),
 * so the resize is computed as {@code A_h · x · A_wᵀ} with 1-D interpolation matrices; gradients flow through the
 * two matrix products.
 */
public final class Bilinear {

    private Bilinear() {
    }

    public static NDArray resize(NDArray x, long height, long width, boolean alignCorners) {
        Shape shape = x.getShape();
        int rank = shape.dimension();
        int inHeight = Math.toIntExact(shape.get(rank - 2));
        int inWidth = Math.toIntExact(shape.get(rank - 1));
        NDManager manager = x.getManager();
        NDArray result = x;
        if (width != inWidth) {
            int w = Math.toIntExact(width);
            NDArray columns = manager.create(weights(inWidth, w, alignCorners), new Shape(w, inWidth))
                    .toType(x.getDataType(), false);
            result = result.matMul(columns.transpose());
        }
        if (height != inHeight) {
            int h = Math.toIntExact(height);
            NDArray rows = manager.create(weights(inHeight, h, alignCorners), new Shape(h, inHeight))
                    .toType(x.getDataType(), false);
            result = rows.matMul(result);
        }
        return result;
    }

    /**
     * The 1-D interpolation matrix from {@code in} samples to {@code out} samples, stored row-major as
     * {@code out x in}: row {@code d} holds the weights of output sample {@code d}. Source coordinates follow
     * PyTorch: {@code d·(in−1)/(out−1)} with aligned corners, else {@code max((d+0.5)·in/out − 0.5, 0)}.
     */
    static float[] weights(int in, int out, boolean alignCorners) {
        float[] w = new float[in * out];
        for (int d = 0; d < out; d++) {
            double source;
            if (alignCorners) {
                source = out > 1 ? d * (double) (in - 1) / (out - 1) : 0;
            } else {
                source = Math.max((d + 0.5) * in / out - 0.5, 0);
            }
            int lower = Math.min((int) source, in - 1);
            int upper = Math.min(lower + 1, in - 1);
            double upperWeight = source - lower;
            w[d * in + lower] += (float) (1 - upperWeight);
            w[d * in + upper] += (float) upperWeight;
        }
        return w;
    }
}
