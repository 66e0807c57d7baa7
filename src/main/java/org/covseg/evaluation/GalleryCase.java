package org.covseg.evaluation;

import org.covseg.metrics.ImageEvaluation;

/** An evaluated pair kept to be shown: its maps and its scores. */
public record GalleryCase(PredictionPair pair, ImageEvaluation scores) {

    public double dice() {
        return scores.overlap().dice();
    }
}
