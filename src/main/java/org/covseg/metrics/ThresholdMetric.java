package org.covseg.metrics;

/** The scores the Inf-Net protocol computes at each of its 256 thresholds. */
public enum ThresholdMetric {
    DICE,
    SENSITIVITY,
    SPECIFICITY,
    E_MEASURE
}
