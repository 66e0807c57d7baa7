package org.covseg.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.covseg.image.BilinearResize;

/**
 * Exact bilinear resizing of the last two axes, with the semantics of PyTorch's
 * {@code F.interpolate(x, size=(h, w), mode='bilinear', align_corners=...)} (no antialiasing), for any sizes, up or
 * down. With a {@code scale_factor} PyTorch gives the same result whenever the input size times the factor is an
 * integer, which holds for every call in Inf-Net.
 *
 * <p>The engine's own bilinear op always antialiases (wrong for {@code align_corners=True} and for downsampling),
 * so the resize is computed as {@code A_h · x · A_wᵀ} with the 1-D interpolation matrices of
 * {@link BilinearResize#matrix}; gradients flow through the two matrix products.
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
            NDArray columns = manager.create(BilinearResize.matrix(inWidth, w, alignCorners), new Shape(w, inWidth))
                    .toType(x.getDataType(), false);
            result = result.matMul(columns.transpose());
        }
        if (height != inHeight) {
            int h = Math.toIntExact(height);
            NDArray rows = manager.create(BilinearResize.matrix(inHeight, h, alignCorners), new Shape(h, inHeight))
                    .toType(x.getDataType(), false);
            result = rows.matMul(result);
        }
        return result;
    }
}
