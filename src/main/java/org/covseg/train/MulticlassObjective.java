package org.covseg.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The multi-class objective. Its cross-entropy is the official one: a sigmoid per class and binary cross-entropy
 * against the one-hot targets (N×3×H×W: background, ground-glass opacity, consolidation), averaged over every
 * element, as {@code nn.BCELoss()(sigmoid(output), onehot)}. It is computed on the logits
 * ({@link BinaryCrossEntropy}), which is the same value without PyTorch's log clamp at −100 and is stable for large
 * logits. With {@link ClassLoss#BCE_DICE} the {@link SoftDice} loss of the two lesion classes is added.
 */
public final class MulticlassObjective implements Objective {

    private static final int FIRST_LESION_CLASS = 1;

    private final ClassLoss kind;

    public MulticlassObjective(ClassLoss kind) {
        this.kind = kind;
    }

    @Override
    public String describe() {
        return kind == ClassLoss.BCE ? "multiclass(sigmoid+bce)" : "multiclass(sigmoid+bce+dice)";
    }

    @Override
    public LossTerms loss(NDList outputs, Batch batch) {
        NDArray logits = logitsOf(outputs);
        if (!logits.getShape().equals(batch.masks().getShape())) {
            throw new IllegalArgumentException("logits " + logits.getShape() + " and one-hot targets "
                    + batch.masks().getShape() + " differ in shape");
        }
        NDArray bce = BinaryCrossEntropy.mean(logits, batch.masks());
        if (kind == ClassLoss.BCE) {
            return new LossTerms(Map.of(), bce);
        }
        NDArray dice = SoftDice.loss(Activation.sigmoid(logits), batch.masks(), FIRST_LESION_CLASS);
        Map<String, NDArray> terms = new LinkedHashMap<>();
        terms.put("bce", bce);
        terms.put("dice", dice);
        return new LossTerms(terms, bce.add(dice));
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
