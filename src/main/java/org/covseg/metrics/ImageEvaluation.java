package org.covseg.metrics;

/**
 * One image's row: the Inf-Net protocol scores, the pixel counts of the map binarised at the evaluation's threshold
 * against the ground truth, and HD95 (NaN when either mask is empty).
 */
public record ImageEvaluation(String name, ProtocolScores protocol, Confusion confusion, double hd95) {

    /** Whether the ground truth has a positive pixel (the protocol scores an image without one 0 on Dice). */
    public boolean hasTruth() {
        return confusion.actualPositives() > 0;
    }

    /** Dice, IoU, precision and recall at the evaluation's threshold. */
    public Overlap overlap() {
        return Overlap.of(confusion);
    }
}
