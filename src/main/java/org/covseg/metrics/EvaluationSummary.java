package org.covseg.metrics;

/**
 * The table over all images of an {@link Evaluation}.
 *
 * <p>Protocol columns, as the official tool: {@code curves} is the per-threshold mean over images; meanDic, meanSen,
 * meanSpe, meanEm are their means over the thresholds ({@link #meanDice()} …); sMeasure and mae are means over
 * images. A NaN in any image (see {@link InfNetProtocol}, {@link SMeasure}) propagates, as in MATLAB.
 *
 * <p>Plain columns: dice and iou are means over images of the per-image scores at {@code threshold}; hd95 is the mean
 * over the images where it is defined, and {@code hd95Undefined} counts the others (an empty mask).
 *
 * <p>The protocol scores an image whose truth is empty 0 on Dice at every threshold, whatever the prediction:
 * {@code emptyTruth} counts those images and {@code meanDiceWithTruth} is the meanDic over the others (NaN when
 * there are none), so a class missing from some images can be read both ways.
 */
public record EvaluationSummary(int images, ThresholdCurves curves, double sMeasure, double mae,
                                double threshold, double dice, double iou, double hd95, int hd95Undefined,
                                int emptyTruth, double meanDiceWithTruth)
        implements ThresholdMeans {
}
