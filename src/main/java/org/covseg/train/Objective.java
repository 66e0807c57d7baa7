package org.covseg.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/** What a model is trained for: the loss on its outputs, and the probability map it predicts. */
public interface Objective {

    /** A short description of the loss and its settings, recorded in checkpoints so a resume can check it. */
    String describe();

    /** What the model sees of a batch: its images, unless the objective hides part of them (inpainting). */
    default NDList input(Batch batch) {
        return new NDList(batch.images());
    }

    LossTerms loss(NDList outputs, Batch batch);

    /**
     * The probability the model predicts, as used at inference, shaped as the batch's targets: N×1×H×W foreground
     * for a single-class model, N×K×H×W (one channel per class) for a multi-class one.
     */
    NDArray probability(NDList outputs);
}
