package org.covseg.evaluation;

import org.covseg.metrics.Evaluation;
import org.covseg.metrics.ImageEvaluation;
import org.covseg.metrics.Overlap;
import org.covseg.metrics.PixelSpacing;
import org.covseg.metrics.ProtocolMap;

/**
 * One image's predicted map for one class, already at the ground truth's size: either probabilities made in memory
 * (a model's output) or the 8-bit grey levels of a saved map file.
 */
public sealed interface PredictionMap {

    int width();

    int height();

    /** Each pixel's probability in [0, 1], row-major (grey level / 255 for a saved map). */
    float[] probabilities();

    /** The pixels counted as predicted at {@code threshold}, by the same rule as the plain scores. */
    boolean[] positives(double threshold);

    /** Scores this map against {@code truth} and adds the row to {@code evaluation}. */
    ImageEvaluation addTo(Evaluation evaluation, String name, TruthMask truth);

    /**
     * A model's probabilities: the protocol sees the 8-bit map the official test script would save from them, the
     * plain scores threshold the probabilities themselves ({@link Evaluation#add(String, float[], boolean[], int,
     * int)}).
     */
    record Probabilities(float[] values, int width, int height) implements PredictionMap {

        public Probabilities {
            TruthMask.requireSize("a probability map", values.length, width, height);
            values = values.clone();
        }

        @Override
        public float[] values() {
            return values.clone();
        }

        @Override
        public float[] probabilities() {
            return values();
        }

        @Override
        public boolean[] positives(double threshold) {
            return Overlap.binarise(values, threshold);
        }

        @Override
        public ImageEvaluation addTo(Evaluation evaluation, String name, TruthMask truth) {
            return evaluation.add(name, values, truth.pixels(), width, height);
        }
    }

    /**
     * A saved 8-bit map as the official evaluation tool reads it; {@code resized} records that the file had another
     * size and was resized to the ground truth's ({@link SavedPrediction}).
     */
    record GreyLevels(ProtocolMap map, boolean resized) implements PredictionMap {

        @Override
        public int width() {
            return map.width();
        }

        @Override
        public int height() {
            return map.height();
        }

        @Override
        public float[] probabilities() {
            float[] p = new float[map.width() * map.height()];
            for (int i = 0; i < p.length; i++) {
                p[i] = map.level(i) / 255f;
            }
            return p;
        }

        @Override
        public boolean[] positives(double threshold) {
            return map.positives(threshold);
        }

        @Override
        public ImageEvaluation addTo(Evaluation evaluation, String name, TruthMask truth) {
            return evaluation.add(name, map, truth.pixels(), PixelSpacing.UNIT);
        }
    }
}
