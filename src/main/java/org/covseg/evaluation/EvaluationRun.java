package org.covseg.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.covseg.CovsegException;
import org.covseg.metrics.Bootstrap;
import org.covseg.metrics.Evaluation;
import org.covseg.metrics.ImageEvaluation;
import org.covseg.metrics.MeanDiceIntervals;
import org.covseg.metrics.PerClassEvaluation;

/**
 * Scores a stream of {@link PredictionPair}s, whatever made them (saved files: {@link PredictionFolders}; a model:
 * {@link PredictionPair#ofProbabilities}), one {@link Evaluation} per class, with the 95 % intervals of each class's
 * meanDic from {@value #BOOTSTRAP_RESAMPLES} resamples of the images, seed {@value #BOOTSTRAP_SEED}
 * ({@link MeanDiceIntervals}). Only each class's few worst and best cases are kept in memory, for the gallery.
 */
public final class EvaluationRun {

    public static final int WORST_SHOWN = 4;
    public static final int BEST_SHOWN = 2;
    public static final int BOOTSTRAP_RESAMPLES = 2000;
    public static final long BOOTSTRAP_SEED = 1;
    public static final Bootstrap BOOTSTRAP = new Bootstrap(BOOTSTRAP_RESAMPLES, BOOTSTRAP_SEED, 0.95);

    private final double threshold;

    public EvaluationRun() {
        this(Evaluation.DEFAULT_THRESHOLD);
    }

    /** @param threshold pixels with probability {@code >= threshold} count as predicted for Dice, IoU and HD95 */
    public EvaluationRun(double threshold) {
        this.threshold = threshold;
    }

    public EvaluationResult evaluate(Iterable<PredictionPair> pairs) {
        PerClassEvaluation evaluations = new PerClassEvaluation(threshold);
        Map<String, CaseSelection> cases = new LinkedHashMap<>();
        int count = 0;
        int resized = 0;
        for (PredictionPair pair : pairs) {
            ImageEvaluation row = pair.prediction()
                    .addTo(evaluations.forClass(pair.className()), pair.name(), pair.truth());
            cases.computeIfAbsent(pair.className(), c -> new CaseSelection(WORST_SHOWN, BEST_SHOWN))
                    .offer(new GalleryCase(pair, row));
            count++;
            if (pair.prediction() instanceof PredictionMap.GreyLevels grey && grey.resized()) {
                resized++;
            }
        }
        if (count == 0) {
            throw new CovsegException("nothing to evaluate: no prediction/ground-truth pair was given");
        }
        List<ClassResult> classes = new ArrayList<>();
        evaluations.classes().forEach((name, evaluation) -> classes.add(new ClassResult(name, evaluation.images(),
                evaluation.summary(), MeanDiceIntervals.of(evaluation.images(), BOOTSTRAP), cases.get(name).worst(),
                cases.get(name).best())));
        return new EvaluationResult(classes, count, resized, threshold, BOOTSTRAP);
    }
}
