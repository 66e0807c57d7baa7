package org.covseg.metrics;

/**
 * One image's scores under the Inf-Net protocol: the per-threshold curves, the S-measure and the MAE of the
 * normalised map.
 */
public record ProtocolScores(ThresholdCurves curves, double sMeasure, double mae) implements ThresholdMeans {
}
