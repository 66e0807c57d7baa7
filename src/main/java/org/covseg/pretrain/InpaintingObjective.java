package org.covseg.pretrain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.covseg.nn.SegmentationArchitecture;
import org.covseg.train.Batch;
import org.covseg.train.LossTerms;
import org.covseg.train.Objective;

/**
 * A segmentation network as an inpainter: it sees the batch's images with the erased pixels set to 0 (the
 * normalised mean); each of its outputs reconstructs the grey image (the first normalised channel), except Inf-Net's
 * edge head, which reconstructs the edge map. The loss is the sum over the outputs of
 * {@link ReconstructionLoss#total}, each reported under its output's name; the erased-pixel error of the
 * segmentation output is also reported ({@code erased}).
 */
public final class InpaintingObjective implements Objective {

    private final SegmentationArchitecture architecture;

    public InpaintingObjective(SegmentationArchitecture architecture) {
        this.architecture = architecture;
    }

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
        List<NDArray> errors = errors(outputs, batch);
        NDArray keep = batch.masks();
        List<String> names = architecture.outputNames();
        Map<String, NDArray> terms = new LinkedHashMap<>();
        NDArray total = null;
        for (int i = 0; i < errors.size(); i++) {
            NDArray term = ReconstructionLoss.total(errors.get(i), keep);
            terms.put(names.get(i), term);
            total = total == null ? term : total.add(term);
        }
        terms.put("erased", ReconstructionLoss.erased(errors.get(architecture.segmentationOutput()), keep));
        return new LossTerms(terms, total);
    }

    /** The clamped squared error of each output's reconstruction, in the forward pass's order. */
    List<NDArray> errors(NDList outputs, Batch batch) {
        if (outputs.size() != architecture.outputNames().size()) {
            throw new IllegalArgumentException(architecture.modelName() + " has " + architecture.outputNames().size()
                    + " outputs, got " + outputs.size());
        }
        NDArray image = batch.images().get(":, 0:1");
        int edge = architecture.hasEdgeHead() ? outputs.size() - 1 : -1;
        List<NDArray> errors = new ArrayList<>();
        for (int i = 0; i < outputs.size(); i++) {
            errors.add(ReconstructionLoss.error(outputs.get(i), i == edge ? batch.edges() : image));
        }
        return errors;
    }

    /** The reconstructed grey image (the segmentation output), in the first channel's normalised units. */
    @Override
    public NDArray probability(NDList outputs) {
        return outputs.get(architecture.segmentationOutput());
    }
}
