package org.covseg.metrics;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The protocol's per-threshold scores (index k is threshold {@link InfNetProtocol#threshold(int)}), for one image
 * or averaged over images. "meanDic" etc. are the means over the thresholds, "maxDic" etc. the maxima.
 */
public final class ThresholdCurves {

    private final Map<ThresholdMetric, double[]> curves;

    ThresholdCurves(Map<ThresholdMetric, double[]> curves) {
        this.curves = new EnumMap<>(ThresholdMetric.class);
        for (ThresholdMetric metric : ThresholdMetric.values()) {
            double[] values = curves.get(metric);
            if (values == null || values.length != InfNetProtocol.THRESHOLD_COUNT) {
                throw new IllegalArgumentException(metric + " needs " + InfNetProtocol.THRESHOLD_COUNT + " values");
            }
            this.curves.put(metric, values.clone());
        }
    }

    /** The mean over images at each threshold, as MATLAB's {@code mean(x, 1)} (a NaN propagates). */
    public static ThresholdCurves average(List<ThresholdCurves> images) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("nothing to average");
        }
        Map<ThresholdMetric, double[]> sums = new EnumMap<>(ThresholdMetric.class);
        for (ThresholdMetric metric : ThresholdMetric.values()) {
            double[] sum = new double[InfNetProtocol.THRESHOLD_COUNT];
            for (ThresholdCurves image : images) {
                double[] values = image.curves.get(metric);
                for (int k = 0; k < sum.length; k++) {
                    sum[k] += values[k];
                }
            }
            for (int k = 0; k < sum.length; k++) {
                sum[k] /= images.size();
            }
            sums.put(metric, sum);
        }
        return new ThresholdCurves(sums);
    }

    public double value(ThresholdMetric metric, int thresholdIndex) {
        return curves.get(metric)[thresholdIndex];
    }

    public double[] values(ThresholdMetric metric) {
        return curves.get(metric).clone();
    }

    /** The mean over the 256 thresholds ("meanDic", "meanSen", "meanSpe", "meanEm"). */
    public double mean(ThresholdMetric metric) {
        double sum = 0;
        for (double v : curves.get(metric)) {
            sum += v;
        }
        return sum / InfNetProtocol.THRESHOLD_COUNT;
    }

    /** The maximum over the thresholds, ignoring NaN as MATLAB's {@code max} does (NaN if all are NaN). */
    public double max(ThresholdMetric metric) {
        return Arrays.stream(curves.get(metric)).filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN);
    }
}
