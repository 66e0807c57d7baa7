package org.covseg.metrics;

import java.util.List;

/**
 * Percentile bootstrap intervals of a class's meanDic. The images are resampled with replacement and a resample's
 * meanDic is the mean of its images' own meanDic (each image's mean Dice over the 256 thresholds): the protocol's
 * meanDic, a per-threshold mean over images then a mean over thresholds, is that same mean.
 *
 * @param all       meanDic's interval over all images
 * @param withTruth the interval of meanDic over the images whose truth is not empty (the protocol scores the others
 *                  0), resampling those images only; NaN bounds, every resample undefined, when there are none
 */
public record MeanDiceIntervals(Bootstrap.Interval all, Bootstrap.Interval withTruth) {

    public static MeanDiceIntervals of(List<ImageEvaluation> images, Bootstrap bootstrap) {
        double[] withTruth = meanDice(images.stream().filter(ImageEvaluation::hasTruth).toList());
        return new MeanDiceIntervals(bootstrap.ofMean(meanDice(images)), withTruth.length == 0
                ? new Bootstrap.Interval(Double.NaN, Double.NaN, bootstrap.resamples(), bootstrap.resamples())
                : bootstrap.ofMean(withTruth));
    }

    private static double[] meanDice(List<ImageEvaluation> images) {
        return images.stream().mapToDouble(image -> image.protocol().meanDice()).toArray();
    }
}
