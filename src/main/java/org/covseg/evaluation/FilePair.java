package org.covseg.evaluation;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A saved prediction file and the ground truth it is scored against, matched by name. The prediction is a
 * probability map, or with {@code labelOf} one class of a predicted label map.
 */
public record FilePair(String name, String className, Path prediction, Optional<InfectionClass> labelOf,
                       TruthFile truth) {

    /** Reads both files; the prediction is brought to the ground truth's size ({@link SavedPrediction}). */
    public PredictionPair read() {
        TruthMask mask = truth.read();
        PredictionMap.GreyLevels predicted = labelOf.isPresent()
                ? SavedPrediction.readLabel(prediction, labelOf.get(), mask.width(), mask.height())
                : SavedPrediction.read(prediction, mask.width(), mask.height());
        return new PredictionPair(name, className, predicted, mask);
    }
}
