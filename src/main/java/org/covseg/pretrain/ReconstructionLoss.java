package org.covseg.pretrain;

import ai.djl.ndarray.NDArray;

/**
 * The inpainting loss of one reconstructed map (Singh et al.): the per-pixel squared error, clamped at
 * {@value #CLAMP}, averaged separately over erased pixels ({@code rec}) and kept pixels ({@code con});
 * the loss is {@code 0.99·rec + 0.01·con}. Masks may be soft (the coach's), then the averages are weighted.
 */
public final class ReconstructionLoss {

    static final float CLAMP = 2f;
    private static final float REC_WEIGHT = 0.99f;
    private static final float EPSILON = 1e-6f;

    private ReconstructionLoss() {
    }

    /** The clamped squared error of each pixel. */
    public static NDArray error(NDArray reconstruction, NDArray target) {
        return reconstruction.sub(target).square().minimum(CLAMP);
    }

    /** Mean error over the erased pixels ({@code keep} = 1 kept, 0 erased; broadcast over channels). */
    public static NDArray erased(NDArray error, NDArray keep) {
        NDArray erasedWeight = keep.neg().add(1);
        return error.mul(erasedWeight).sum().div(erasedWeight.sum().mul(channels(error, keep)).add(EPSILON));
    }

    /** Mean error over the kept pixels. */
    public static NDArray kept(NDArray error, NDArray keep) {
        return error.mul(keep).sum().div(keep.sum().mul(channels(error, keep)).add(EPSILON));
    }

    /** {@code 0.99·erased + 0.01·kept}. */
    public static NDArray total(NDArray error, NDArray keep) {
        return erased(error, keep).mul(REC_WEIGHT).add(kept(error, keep).mul(1 - REC_WEIGHT));
    }

    private static float channels(NDArray error, NDArray keep) {
        return (float) error.getShape().get(1) / keep.getShape().get(1);
    }
}
