package org.covseg.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.pooling.Pool;

/**
 * Inf-Net's loss for one predicted map (N×1×H×W logits against an N×1×H×W mask in [0, 1]): a BCE term plus a weighted
 * IoU term, both emphasising pixels near mask boundaries through the weight {@code w = 1 + 5·|avgpool31(gt) − gt|}.
 *
 * <p>The 31x31 average pool (stride 1, padding 15) counts the zero padding, as PyTorch's {@code avg_pool2d} does by
 * default ({@code count_include_pad=True}): every window is divided by 961, also at the image border.
 * IoU term per image: {@code 1 − (Σw·p·g + 1) / (Σw·(p+g) − Σw·p·g + 1)} with {@code p = σ(logits)}; both terms are
 * averaged over the batch.
 */
public final class StructureLoss {

    /** The two terms for one map, each a scalar averaged over the batch. */
    public record Terms(NDArray bce, NDArray iou) {
        public NDArray sum() {
            return bce.add(iou);
        }
    }

    private static final int[] SPATIAL_AXES = {2, 3};
    private static final int POOL = 31;

    private final BceWeighting bceWeighting;

    public StructureLoss(BceWeighting bceWeighting) {
        this.bceWeighting = bceWeighting;
    }

    public Terms compute(NDArray logits, NDArray truth) {
        return compute(logits, truth, boundaryWeights(truth));
    }

    /** The terms with precomputed {@link #boundaryWeights} (the same for every map supervised by one mask). */
    public Terms compute(NDArray logits, NDArray truth, NDArray weights) {
        return new Terms(bce(logits, truth, weights), iou(logits, truth, weights));
    }

    /**
     * {@code 1 + 5·|avgpool31(gt) − gt|}, with the zero padding counted in every window. A 31x31 mean with a fixed
     * divisor is separable, so it is computed as a 31x1 and a 1x31 pool (62 instead of 961 additions per pixel).
     * DJL 0.36's PyTorch engine ignores the {@code countIncludePad} flag and always counts the padding, which is
     * what we need here; a test pins the divisor at the border.
     */
    public static NDArray boundaryWeights(NDArray truth) {
        NDArray rows = Pool.avgPool2d(truth, new Shape(POOL, 1), new Shape(1, 1), new Shape(POOL / 2, 0), false, true);
        NDArray local = Pool.avgPool2d(rows, new Shape(1, POOL), new Shape(1, 1), new Shape(0, POOL / 2), false, true);
        return local.sub(truth).abs().mul(5).add(1);
    }

    private NDArray bce(NDArray logits, NDArray truth, NDArray weights) {
        NDArray perPixel = BinaryCrossEntropy.perElement(logits, truth);
        if (bceWeighting == BceWeighting.UNWEIGHTED) {
            return perPixel.mean();
        }
        return perPixel.mul(weights).sum(SPATIAL_AXES).div(weights.sum(SPATIAL_AXES)).mean();
    }

    private static NDArray iou(NDArray logits, NDArray truth, NDArray weights) {
        NDArray p = Activation.sigmoid(logits);
        NDArray intersection = p.mul(truth).mul(weights).sum(SPATIAL_AXES);
        NDArray union = p.add(truth).mul(weights).sum(SPATIAL_AXES);
        NDArray ratio = intersection.add(1).div(union.sub(intersection).add(1));
        return ratio.neg().add(1).mean();
    }
}
