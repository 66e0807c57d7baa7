package org.covseg.metrics;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Percentile bootstrap confidence intervals over resampling units. A unit is a set of sample indices drawn
 * together: one image each for the plain bootstrap, or all images of one source (patient, paper) for the
 * cluster bootstrap, which keeps the correlation between images of a source. Each resample draws as many units as
 * there are, with replacement, from a generator seeded by {@code seed}, so intervals are reproducible.
 */
public record Bootstrap(int resamples, long seed, double level) {

    /**
     * @param lower      the (1 − level)/2 quantile of the resampled statistic
     * @param upper      the (1 + level)/2 quantile
     * @param resamples  resamples drawn
     * @param undefined  resamples where the statistic was NaN (e.g. AUC of a one-class resample), left out
     */
    public record Interval(double lower, double upper, int resamples, int undefined) {
    }

    public Bootstrap {
        if (resamples < 1) {
            throw new IllegalArgumentException("at least one resample is needed, got " + resamples);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("the confidence level must be in (0, 1), got " + level);
        }
    }

    /** One unit per sample, for the plain bootstrap over {@code samples} samples. */
    public static int[][] eachSampleAlone(int samples) {
        int[][] units = new int[samples][];
        for (int i = 0; i < samples; i++) {
            units[i] = new int[] {i};
        }
        return units;
    }

    /** The interval of the mean of {@code values}, resampling the values one by one. */
    public Interval ofMean(double[] values) {
        return interval(eachSampleAlone(values.length), idx -> {
            double sum = 0;
            for (int i : idx) {
                sum += values[i];
            }
            return sum / idx.length;
        });
    }

    /** The interval of {@code statistic}, which gets the sample indices of one resample (repeats included). */
    public Interval interval(int[][] units, ToDoubleFunction<int[]> statistic) {
        if (units.length == 0) {
            throw new IllegalArgumentException("no resampling units");
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[resamples];
        int defined = 0;
        for (int r = 0; r < resamples; r++) {
            double value = statistic.applyAsDouble(resample(units, random));
            if (!Double.isNaN(value)) {
                values[defined++] = value;
            }
        }
        if (defined == 0) {
            return new Interval(Double.NaN, Double.NaN, resamples, resamples);
        }
        double[] sorted = Arrays.copyOf(values, defined);
        Arrays.sort(sorted);
        return new Interval(quantile(sorted, (1 - level) / 2), quantile(sorted, (1 + level) / 2), resamples,
                resamples - defined);
    }

    private static int[] resample(int[][] units, SplittableRandom random) {
        int[][] drawn = new int[units.length][];
        int size = 0;
        for (int u = 0; u < units.length; u++) {
            drawn[u] = units[random.nextInt(units.length)];
            size += drawn[u].length;
        }
        int[] indices = new int[size];
        int at = 0;
        for (int[] unit : drawn) {
            System.arraycopy(unit, 0, indices, at, unit.length);
            at += unit.length;
        }
        return indices;
    }

    /** The q-quantile of ascending values, interpolating linearly between order statistics (R's type 7). */
    static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
