package org.covseg.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.covseg.metrics.Evaluation;
import org.covseg.metrics.EvaluationSummary;

/**
 * Scores validation predictions with the metrics package: the Inf-Net protocol's mean Dice over 256 thresholds
 * ({@value #MEAN_DICE}, the published headline number) and plain Dice and IoU at 0.5. Ground truth is the resized
 * mask binarised at 0.5.
 */
public final class SegmentationValidator implements Validator {

    public static final String MEAN_DICE = "meanDic";

    @Override
    public Map<String, Double> score(List<ValidationSlice> slices) {
        Evaluation evaluation = new Evaluation();
        int n = 0;
        for (ValidationSlice s : slices) {
            evaluation.add("slice" + n++, s.probability(0), s.truthMask(0), s.width(), s.height());
        }
        EvaluationSummary summary = evaluation.summary();
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put(MEAN_DICE, summary.meanDice());
        scores.put("dice", summary.dice());
        scores.put("iou", summary.iou());
        return scores;
    }
}
