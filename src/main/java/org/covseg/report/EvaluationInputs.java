package org.covseg.report;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.covseg.evaluation.FolderPairs;

/**
 * What an evaluation was run on, for {@code metrics.json}.
 *
 * @param mode                    "binary", "classes", "class labels" (each class of label maps), "model" or
 *                                "model labels" (a model run here; its probability or label maps)
 * @param sources                 named inputs, e.g. predictions → folder, in the order they are reported
 * @param truthLayout             how the ground truth was read, in words
 * @param predictionsWithoutTruth predictions that were not evaluated for lack of ground truth
 * @param truthWithoutPrediction  ground truths that were not evaluated for lack of a prediction
 */
public record EvaluationInputs(String mode, Map<String, String> sources, String truthLayout,
                               List<String> predictionsWithoutTruth, List<String> truthWithoutPrediction) {

    public EvaluationInputs {
        sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        predictionsWithoutTruth = List.copyOf(predictionsWithoutTruth);
        truthWithoutPrediction = List.copyOf(truthWithoutPrediction);
    }

    /** Saved predictions paired with ground truth from folders; {@code images} may be null. */
    public static EvaluationInputs of(String mode, FolderPairs pairs, Path images) {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("predictions", absolute(pairs.predictions()));
        sources.put("groundTruth", absolute(pairs.truth()));
        sources.put("images", images == null ? null : absolute(images));
        return new EvaluationInputs(mode, sources, pairs.truthLayout(), pairs.predictionsWithoutTruth(),
                pairs.truthWithoutPrediction());
    }

    private static String absolute(Path p) {
        return p.toAbsolutePath().normalize().toString();
    }
}
