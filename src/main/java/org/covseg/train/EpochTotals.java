package org.covseg.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Running sums of the loss terms over the optimiser steps of one epoch, each weighted by its batch size, and the time
 * spent so far; saved with a mid-epoch checkpoint so a resumed epoch reports the same means.
 */
public record EpochTotals(Map<String, Double> sums, long samples, double seconds) {

    public static final EpochTotals EMPTY = new EpochTotals(Map.of(), 0, 0);

    public EpochTotals {
        sums = Collections.unmodifiableMap(new LinkedHashMap<>(sums));
    }

    public EpochTotals add(Map<String, Double> values, int batchSize) {
        Map<String, Double> next = new LinkedHashMap<>(sums);
        values.forEach((name, v) -> next.merge(name, v * batchSize, Double::sum));
        return new EpochTotals(next, samples + batchSize, seconds);
    }

    public EpochTotals withSeconds(double value) {
        return new EpochTotals(sums, samples, value);
    }

    public Map<String, Double> means() {
        Map<String, Double> means = new LinkedHashMap<>();
        sums.forEach((name, sum) -> means.put(name, sum / samples));
        return means;
    }
}
