package org.covseg.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.covseg.evaluation.InfectionClass;
import org.covseg.metrics.EvaluationSummary;
import org.covseg.metrics.PerClassEvaluation;

/**
 * Scores multi-class validation predictions per infection class with the metrics package, as
 * {@code covseg evaluate --classes} does: each class's probability map against its binarised one-hot target
 * (channel = the class's label; > 0.5), the Inf-Net protocol's mean Dice over 256 thresholds and plain Dice at 0.5.
 * {@value #MEAN_CLASS_DICE}, the mean of the two classes' meanDic, selects the best epoch.
 */
public final class MulticlassValidator implements Validator {

    public static final String MEAN_CLASS_DICE = "classMeanDic";

    @Override
    public Map<String, Double> score(List<ValidationSlice> slices) {
        PerClassEvaluation evaluation = new PerClassEvaluation();
        int n = 0;
        for (ValidationSlice s : slices) {
            for (InfectionClass c : InfectionClass.values()) {
                evaluation.forClass(c.key()).add("slice" + n, s.probability(c.label()), s.truthMask(c.label()),
                        s.width(), s.height());
            }
            n++;
        }
        Map<String, Double> scores = new LinkedHashMap<>();
        double sum = 0;
        for (InfectionClass c : InfectionClass.values()) {
            EvaluationSummary summary = evaluation.forClass(c.key()).summary();
            scores.put(c.key() + "_" + SegmentationValidator.MEAN_DICE, summary.meanDice());
            scores.put(c.key() + "_dice", summary.dice());
            sum += summary.meanDice();
        }
        scores.put(MEAN_CLASS_DICE, sum / InfectionClass.values().length);
        return scores;
    }
}
