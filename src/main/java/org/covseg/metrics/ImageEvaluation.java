package org.covseg.metrics;

/**
 * One image's row: the Inf-Net protocol scores, the plain overlap at the evaluation's threshold and HD95 (NaN when
 * either mask is empty).
 */
public record ImageEvaluation(String name, ProtocolScores protocol, Overlap overlap, double hd95) {
}
