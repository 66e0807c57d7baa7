package org.covseg.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import java.util.Map;

/**
 * The official multi-class objective: a sigmoid per class and binary cross-entropy against the one-hot targets
 * (N×3×H×W: background, ground-glass opacity, consolidation), averaged over every element, as
 * {@code nn.BCELoss()(sigmoid(output), onehot)}. It is computed on the logits ({@link BinaryCrossEntropy}), which
 * is the same value without PyTorch's log clamp at −100 and is stable for large logits.
 */
public final class MulticlassObjective implements Objective {

    @Override
    public String describe() {
        return "multiclass(sigmoid+bce)";
    }

    @Override
    public LossTerms loss(NDList outputs, Batch batch) {
        NDArray logits = logitsOf(outputs);
        if (!logits.getShape().equals(batch.masks().getShape())) {
            throw new IllegalArgumentException("logits " + logits.getShape() + " and one-hot targets "
                    + batch.masks().getShape() + " differ in shape");
        }
        NDArray bce = BinaryCrossEntropy.mean(logits, batch.masks());
        return new LossTerms(Map.of(), bce);
    }

    @Override
    public NDArray probability(NDList outputs) {
        return Activation.sigmoid(logitsOf(outputs));
    }

    private static NDArray logitsOf(NDList outputs) {
        if (outputs.size() != 1) {
            throw new IllegalArgumentException("the multi-class U-Net returns one logits array, got "
                    + outputs.size());
        }
        return outputs.get(0);
    }
}
