package org.covseg.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import java.util.Map;

/**
 * Slice-level COVID-19 detection: binary cross-entropy of the model's single logit per image against the image's
 * label (the batch's N×1×1×1 masks); the probability is σ(logit), shaped N×1×1×1 like the labels.
 */
public final class DetectionObjective implements Objective {

    @Override
    public String describe() {
        return "detect(bce)";
    }

    @Override
    public LossTerms loss(NDList outputs, Batch batch) {
        NDArray logits = outputs.singletonOrThrow().reshape(-1);
        return new LossTerms(Map.of(), BinaryCrossEntropy.mean(logits, batch.masks().reshape(-1)));
    }

    @Override
    public NDArray probability(NDList outputs) {
        return Activation.sigmoid(outputs.singletonOrThrow()).reshape(-1, 1, 1, 1);
    }
}
