package org.covseg.evaluation;

import java.nio.file.Path;

/** A saved prediction file and the ground truth it is scored against, matched by name. */
public record FilePair(String name, String className, Path prediction, TruthFile truth) {

    /** Reads both files; the prediction is brought to the ground truth's size ({@link SavedPrediction}). */
    public PredictionPair read() {
        TruthMask mask = truth.read();
        return new PredictionPair(name, className, SavedPrediction.read(prediction, mask.width(), mask.height()),
                mask);
    }
}
