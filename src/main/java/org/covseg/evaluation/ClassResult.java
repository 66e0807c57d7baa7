package org.covseg.evaluation;

import java.util.List;
import org.covseg.metrics.EvaluationSummary;
import org.covseg.metrics.ImageEvaluation;
import org.covseg.metrics.MeanDiceIntervals;

/**
 * One class's evaluation: a row per image (in the order evaluated), the summary table, the bootstrap intervals of its
 * meanDic, and the worst and best cases by Dice at the threshold (worst first, then best first).
 */
public record ClassResult(String className, List<ImageEvaluation> images, EvaluationSummary summary,
                          MeanDiceIntervals meanDiceIntervals, List<GalleryCase> worst, List<GalleryCase> best) {

    public ClassResult {
        images = List.copyOf(images);
        worst = List.copyOf(worst);
        best = List.copyOf(best);
    }
}
