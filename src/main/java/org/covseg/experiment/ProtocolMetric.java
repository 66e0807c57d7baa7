package org.covseg.experiment;

import java.util.function.ToDoubleFunction;
import org.covseg.metrics.EvaluationSummary;

/**
 * The Inf-Net paper's columns, as {@code covseg evaluate} computes them: key as in its {@code metrics.json}, and the
 * paper's column name.
 */
enum ProtocolMetric {
    DICE("meanDic", "Dice", EvaluationSummary::meanDice),
    SENSITIVITY("meanSen", "Sen", EvaluationSummary::meanSensitivity),
    SPECIFICITY("meanSpe", "Spec", EvaluationSummary::meanSpecificity),
    S_ALPHA("Sm", "S-α", EvaluationSummary::sMeasure),
    E_PHI("meanEm", "E-φ", EvaluationSummary::meanEMeasure),
    MAE("MAE", "MAE", EvaluationSummary::mae);

    private final String key;
    private final String label;
    private final ToDoubleFunction<EvaluationSummary> value;

    ProtocolMetric(String key, String label, ToDoubleFunction<EvaluationSummary> value) {
        this.key = key;
        this.label = label;
        this.value = value;
    }

    String key() {
        return key;
    }

    String label() {
        return label;
    }

    double of(EvaluationSummary summary) {
        return value.applyAsDouble(summary);
    }
}
