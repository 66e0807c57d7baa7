package org.covseg.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of {@code metrics.csv}.
 *
 * @param train          mean training loss terms over the epoch's optimiser steps (every scale), total under "loss"
 * @param validationLoss mean total loss over the validation slices, null without a validation set
 * @param validation     the validator's scores (empty without a validation set)
 * @param rssBytes       the process's resident memory at the end of the epoch (−1 if unknown)
 */
public record EpochRecord(int epoch, double learningRate, Map<String, Double> train, Double validationLoss,
        Map<String, Double> validation, double seconds, long rssBytes) {

    public EpochRecord {
        train = Collections.unmodifiableMap(new LinkedHashMap<>(train));
        validation = Collections.unmodifiableMap(new LinkedHashMap<>(validation));
    }
}
