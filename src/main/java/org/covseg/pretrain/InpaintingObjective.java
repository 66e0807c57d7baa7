package org.covseg.pretrain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.covseg.nn.InfNetOutput;
import org.covseg.train.Batch;
import org.covseg.train.LossTerms;
import org.covseg.train.Objective;

/**
 * Inf-Net as an inpainter: it sees the batch's images with the erased pixels set to 0 (the normalised mean); its
 * four map heads reconstruct the grey image (the first normalised channel) and its edge head the edge map. The loss
 * is the sum over the five heads of {@link ReconstructionLoss#total}; the erased-pixel error of map2 is also
 * reported ({@code erased2}).
 */
public final class InpaintingObjective implements Objective {

    @Override
    public String describe() {
        return "inpainting(clamp=" + ReconstructionLoss.CLAMP + ")";
    }

    @Override
    public NDList input(Batch batch) {
        return new NDList(batch.images().mul(batch.masks()));
    }

    @Override
    public LossTerms loss(NDList outputs, Batch batch) {
        return losses(outputs, batch, batch.masks());
    }

    /** The per-head losses of reconstructions {@code outputs} of a batch erased with {@code keep}. */
    static LossTerms losses(NDList outputs, Batch batch, NDArray keep) {
        List<NDArray> errors = errors(outputs, batch);
        Map<String, NDArray> terms = new LinkedHashMap<>();
        NDArray total = null;
        for (InfNetOutput head : InfNetOutput.values()) {
            NDArray term = ReconstructionLoss.total(errors.get(head.index()), keep);
            terms.put(head.name().toLowerCase(Locale.ROOT), term);
            total = total == null ? term : total.add(term);
        }
        terms.put("erased2", ReconstructionLoss.erased(errors.get(InfNetOutput.MAP2.index()), keep));
        return new LossTerms(terms, total);
    }

    /** The clamped squared error of each head's reconstruction, in the order of {@link InfNetOutput}. */
    static List<NDArray> errors(NDList outputs, Batch batch) {
        NDArray image = batch.images().get(":, 0:1");
        List<NDArray> errors = new ArrayList<>();
        for (InfNetOutput head : InfNetOutput.values()) {
            NDArray target = head == InfNetOutput.EDGE ? batch.edges() : image;
            errors.add(ReconstructionLoss.error(outputs.get(head.index()), target));
        }
        return errors;
    }

    /** The reconstructed grey image (map2), in the first channel's normalised units. */
    @Override
    public NDArray probability(NDList outputs) {
        return outputs.get(InfNetOutput.MAP2.index());
    }
}
