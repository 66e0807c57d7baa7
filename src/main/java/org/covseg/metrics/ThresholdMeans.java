package org.covseg.metrics;

/** The protocol's headline columns: each curve's mean over the 256 thresholds ("meanDic", "meanSen", …). */
public interface ThresholdMeans {

    ThresholdCurves curves();

    default double meanDice() {
        return curves().mean(ThresholdMetric.DICE);
    }

    default double meanSensitivity() {
        return curves().mean(ThresholdMetric.SENSITIVITY);
    }

    default double meanSpecificity() {
        return curves().mean(ThresholdMetric.SPECIFICITY);
    }

    default double meanEMeasure() {
        return curves().mean(ThresholdMetric.E_MEASURE);
    }
}
