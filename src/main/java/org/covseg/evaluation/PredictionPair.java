package org.covseg.evaluation;

/**
 * One image's predicted map and ground truth for one class, of the same size: what {@link EvaluationRun} scores.
 * A single-class result uses the class name {@value InfectionClass#INFECTION}.
 */
public record PredictionPair(String name, String className, PredictionMap prediction, TruthMask truth) {

    public PredictionPair {
        if (prediction.width() != truth.width() || prediction.height() != truth.height()) {
            throw new IllegalArgumentException(name + ": the prediction is " + prediction.width() + "x"
                    + prediction.height() + " but the ground truth is " + truth.width() + "x" + truth.height());
        }
    }

    /** A model's probability map (row-major, at the ground truth's size) for a single-class result. */
    public static PredictionPair ofProbabilities(String name, float[] probabilities, TruthMask truth) {
        return ofProbabilities(name, InfectionClass.INFECTION, probabilities, truth);
    }

    /** A model's probability map (row-major, at the ground truth's size) for one class. */
    public static PredictionPair ofProbabilities(String name, String className, float[] probabilities,
                                                 TruthMask truth) {
        return new PredictionPair(name, className,
                new PredictionMap.Probabilities(probabilities, truth.width(), truth.height()), truth);
    }
}
