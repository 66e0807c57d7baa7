package org.covseg.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The objective of a network with one logit map (U-Net, COVID-SegNet): Inf-Net's per-map {@link StructureLoss}
 * (BCE + weighted IoU) on that map, reported as its {@code bce} and {@code iou} terms; inference uses its sigmoid.
 */
public final class SingleMapObjective implements Objective {

    private final StructureLoss structure;
    private final BceWeighting bceWeighting;

    public SingleMapObjective(BceWeighting bceWeighting) {
        this.bceWeighting = bceWeighting;
        this.structure = new StructureLoss(bceWeighting);
    }

    @Override
    public String describe() {
        return "structure(bce=" + bceWeighting.name().toLowerCase(Locale.ROOT) + ")";
    }

    @Override
    public LossTerms loss(NDList outputs, Batch batch) {
        StructureLoss.Terms terms = structure.compute(logits(outputs), batch.masks());
        Map<String, NDArray> named = new LinkedHashMap<>();
        named.put("bce", terms.bce());
        named.put("iou", terms.iou());
        return new LossTerms(named, terms.sum());
    }

    @Override
    public NDArray probability(NDList outputs) {
        return Activation.sigmoid(logits(outputs));
    }

    private static NDArray logits(NDList outputs) {
        if (outputs.size() != 1) {
            throw new IllegalArgumentException("expected one logit map, got " + outputs.size() + " outputs");
        }
        return outputs.get(0);
    }
}
