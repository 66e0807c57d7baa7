package org.covseg.train;

import ai.djl.ndarray.NDManager;

/** Slices to train or validate on, loaded batch by batch at the training size. */
public interface TrainingSet {

    int size();

    /**
     * Called before the batches of {@code epoch} are loaded (also when a run resumes mid-epoch), for sets whose
     * content varies with the epoch, such as random masks.
     */
    default void startEpoch(int epoch) {
    }

    /** The slices at {@code indices} (each in [0, size)) as one batch, its arrays created in {@code manager}. */
    Batch load(NDManager manager, int[] indices);
}
