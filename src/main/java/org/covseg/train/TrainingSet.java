package org.covseg.train;

import ai.djl.ndarray.NDManager;

/** Slices to train or validate on, loaded batch by batch at the training size. */
public interface TrainingSet {

    int size();

    /** The slices at {@code indices} (each in [0, size)) as one batch, its arrays created in {@code manager}. */
    Batch load(NDManager manager, int[] indices);

    /**
     * The slices as training epoch {@code epoch} (from 1) sees them: an augmented set draws each epoch's transforms;
     * a plain set is the same every epoch.
     */
    default TrainingSet forEpoch(int epoch) {
        return this;
    }
}
