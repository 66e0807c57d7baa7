package org.covseg.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.covseg.metrics.BinaryScores;
import org.covseg.metrics.DetectionMetrics;
import org.covseg.metrics.RocAuc;

/**
 * Scores image-level validation predictions (1×1 "slices": the probability of COVID-19 and the 0/1 label): AUC
 * ({@value DetectionMetrics#AUC}, which selects the best epoch), and accuracy, F1, sensitivity and specificity at
 * probability 0.5.
 */
public final class DetectionValidator implements Validator {

    private static final double THRESHOLD = 0.5;

    @Override
    public Map<String, Double> score(List<ValidationSlice> slices) {
        double[] scores = new double[slices.size()];
        boolean[] positive = new boolean[slices.size()];
        for (int i = 0; i < scores.length; i++) {
            ValidationSlice s = slices.get(i);
            if (s.probability().length != 1) {
                throw new IllegalArgumentException("detection validates one probability per image, got "
                        + s.probability().length);
            }
            scores[i] = s.probability()[0];
            positive[i] = s.truth()[0] > 0.5f;
        }
        BinaryScores at = BinaryScores.at(scores, positive, THRESHOLD);
        Map<String, Double> out = new LinkedHashMap<>();
        out.put(DetectionMetrics.AUC, RocAuc.of(scores, positive));
        out.put(DetectionMetrics.ACCURACY, at.accuracy());
        out.put(DetectionMetrics.F1, at.f1());
        out.put(DetectionMetrics.SENSITIVITY, at.sensitivity());
        out.put(DetectionMetrics.SPECIFICITY, at.specificity());
        return out;
    }
}
