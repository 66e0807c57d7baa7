package org.covseg.experiment;

import java.util.List;

/**
 * The mean and the sample standard deviation (n − 1 in the denominator) of fold values. The deviation is NaN for
 * fewer than two values; a NaN value makes both NaN.
 */
record MeanStd(double mean, double std, int n) {

    static MeanStd of(List<Double> values) {
        int n = values.size();
        if (n == 0) {
            return new MeanStd(Double.NaN, Double.NaN, 0);
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double mean = sum / n;
        if (n < 2) {
            return new MeanStd(mean, Double.NaN, n);
        }
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return new MeanStd(mean, Math.sqrt(squares / (n - 1)), n);
    }
}
