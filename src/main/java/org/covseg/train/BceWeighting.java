package org.covseg.train;

/**
 * How the BCE term of {@link StructureLoss} is averaged over the pixels of a map.
 *
 * <p>The Inf-Net paper (and the code's intent: {@code (weit*wbce).sum(dim=(2,3)) / weit.sum(dim=(2,3))}) weights each
 * pixel's BCE by the boundary weight. The official code, however, passes {@code reduce='none'} to
 * {@code binary_cross_entropy_with_logits}, which legacy PyTorch reads as "reduce = true": the BCE is already a plain
 * mean over all pixels before the weighting, which then divides out. So the official models were trained with an
 * unweighted BCE. We default to the weighted form the paper describes; {@link #UNWEIGHTED} reproduces the official
 * code.
 */
public enum BceWeighting {
    /** Per image Σ w·bce / Σ w, then the mean over the batch (the paper's intent). */
    WEIGHTED,
    /** The plain mean of the per-pixel BCE over the batch (what the official code computes). */
    UNWEIGHTED
}
