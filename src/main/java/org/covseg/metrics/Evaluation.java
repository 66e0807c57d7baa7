package org.covseg.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Accumulates predictions image by image and produces the evaluation table (meanDic, meanSen, meanSpe, Sm, meanEm,
 * MAE of the Inf-Net protocol; Dice, IoU and HD95 at a fixed threshold) plus one row per image.
 * For several classes keep one evaluation per class ({@link PerClassEvaluation}).
 */
public final class Evaluation {

    public static final double DEFAULT_THRESHOLD = 0.5;

    private final double threshold;
    private final List<ImageEvaluation> images = new ArrayList<>();

    public Evaluation() {
        this(DEFAULT_THRESHOLD);
    }

    /** @param threshold the plain metrics count {@code probability >= threshold} as positive */
    public Evaluation(double threshold) {
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("the threshold must lie in [0, 1], got " + threshold);
        }
        this.threshold = threshold;
    }

    /**
     * Scores a probability map (already at the ground truth's size). The protocol sees the 8-bit map the official
     * test script would save ({@link ProtocolMap#fromProbabilities}); the plain metrics see the probabilities.
     */
    public ImageEvaluation add(String name, float[] probabilities, boolean[] truth, int width, int height,
                               PixelSpacing spacing) {
        Shapes.requireLength("the ground truth of " + name, truth.length, width, height);
        ProtocolMap map = ProtocolMap.fromProbabilities(probabilities, width, height);
        return add(name, map, Overlap.binarise(probabilities, threshold), truth, spacing);
    }

    public ImageEvaluation add(String name, float[] probabilities, boolean[] truth, int width, int height) {
        return add(name, probabilities, truth, width, height, PixelSpacing.UNIT);
    }

    /** Scores an 8-bit map as saved by a test script; the plain metrics read it as probability level/255. */
    public ImageEvaluation add(String name, ProtocolMap map, boolean[] truth, PixelSpacing spacing) {
        Shapes.requireLength("the ground truth of " + name, truth.length, map.width(), map.height());
        return add(name, map, map.positives(threshold), truth, spacing);
    }

    private ImageEvaluation add(String name, ProtocolMap map, boolean[] predicted, boolean[] truth,
                                PixelSpacing spacing) {
        ImageEvaluation row = new ImageEvaluation(name,
                InfNetProtocol.evaluate(map, truth),
                Confusion.of(predicted, truth),
                HausdorffDistance.percentile95(predicted, truth, map.width(), map.height(), spacing));
        images.add(row);
        return row;
    }

    public List<ImageEvaluation> images() {
        return Collections.unmodifiableList(images);
    }

    public EvaluationSummary summary() {
        if (images.isEmpty()) {
            throw new IllegalStateException("no image has been evaluated");
        }
        List<ThresholdCurves> curves = new ArrayList<>(images.size());
        double sMeasure = 0;
        double mae = 0;
        double dice = 0;
        double iou = 0;
        double hd95 = 0;
        int hd95Defined = 0;
        int emptyTruth = 0;
        double meanDiceWithTruth = 0;
        for (ImageEvaluation image : images) {
            if (image.hasTruth()) {
                meanDiceWithTruth += image.protocol().meanDice();
            } else {
                emptyTruth++;
            }
            curves.add(image.protocol().curves());
            sMeasure += image.protocol().sMeasure();
            mae += image.protocol().mae();
            dice += image.overlap().dice();
            iou += image.overlap().iou();
            if (!Double.isNaN(image.hd95())) {
                hd95 += image.hd95();
                hd95Defined++;
            }
        }
        int n = images.size();
        return new EvaluationSummary(n, ThresholdCurves.average(curves), sMeasure / n, mae / n,
                threshold, dice / n, iou / n, hd95Defined > 0 ? hd95 / hd95Defined : Double.NaN, n - hd95Defined,
                emptyTruth, emptyTruth < n ? meanDiceWithTruth / (n - emptyTruth) : Double.NaN);
    }
}
