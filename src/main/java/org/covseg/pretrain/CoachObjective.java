package org.covseg.pretrain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.LinkedHashMap;
import java.util.Map;
import org.covseg.train.Batch;
import org.covseg.train.LossTerms;
import org.covseg.train.Objective;

/**
 * The coach's objective: make the inpainter fail. The coach's soft keep-mask (α = 1) erases the batch's images, the
 * inpainter (not trained here; batch normalisation on running statistics) reconstructs them, and the loss is
 * {@code 1 − rec + 1e-6·KL(μ, log σ²)}, where {@code rec} is the inpainter's mean erased-pixel error over its
 * outputs. Gradients reach the coach through the inpainter and the soft mask.
 */
public final class CoachObjective implements Objective {

    private static final float KL_WEIGHT = 1e-6f;

    private final Block inpainter;
    private final ParameterStore inpainterStore;
    private final InpaintingObjective inpainting;
    private final double keepFraction;

    public CoachObjective(Block inpainter, InpaintingObjective inpainting, ParameterStore inpainterStore,
            double keepFraction) {
        this.inpainter = inpainter;
        this.inpainting = inpainting;
        this.inpainterStore = inpainterStore;
        this.keepFraction = keepFraction;
    }

    @Override
    public String describe() {
        return "coach(keep=" + keepFraction + ", kl=" + KL_WEIGHT + ")";
    }

    @Override
    public LossTerms loss(NDList outputs, Batch batch) {
        NDArray keep = CoachMasks.toPixels(CoachMasks.soft(outputs.get(0), keepFraction, 1));
        NDList reconstructions = inpainter.forward(inpainterStore, new NDList(batch.images().mul(keep)), false);
        NDArray rec = null;
        for (NDArray error : inpainting.errors(reconstructions, batch)) {
            NDArray erased = ReconstructionLoss.erased(error, keep);
            rec = rec == null ? erased : rec.add(erased);
        }
        rec = rec.div(reconstructions.size());
        NDArray mu = outputs.get(1);
        NDArray logVar = outputs.get(2);
        NDArray kl = logVar.add(1).sub(mu.square()).sub(logVar.exp()).mean().mul(-0.5f);
        Map<String, NDArray> terms = new LinkedHashMap<>();
        terms.put("inpainterError", rec);
        terms.put("kl", kl);
        return new LossTerms(terms, rec.neg().add(1).add(kl.mul(KL_WEIGHT)));
    }

    /** The coach's soft keep-mask at pixel resolution. */
    @Override
    public NDArray probability(NDList outputs) {
        return CoachMasks.toPixels(CoachMasks.soft(outputs.get(0), keepFraction, 1));
    }
}
