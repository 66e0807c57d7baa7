package org.covseg.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One {@link Evaluation} per class (e.g. ground-glass opacity, consolidation): the caller adds each class's
 * probability map and binary ground truth to {@link #forClass}.
 */
public final class PerClassEvaluation {

    private final double threshold;
    private final Map<String, Evaluation> byClass = new LinkedHashMap<>();

    public PerClassEvaluation() {
        this(Evaluation.DEFAULT_THRESHOLD);
    }

    public PerClassEvaluation(double threshold) {
        this.threshold = threshold;
    }

    public Evaluation forClass(String className) {
        return byClass.computeIfAbsent(className, c -> new Evaluation(threshold));
    }

    /** Each class's evaluation, in the order the classes were first used. */
    public Map<String, Evaluation> classes() {
        return Collections.unmodifiableMap(byClass);
    }

    /** Each class's summary, in the order the classes were first used. */
    public Map<String, EvaluationSummary> summaries() {
        Map<String, EvaluationSummary> summaries = new LinkedHashMap<>();
        byClass.forEach((name, evaluation) -> summaries.put(name, evaluation.summary()));
        return summaries;
    }
}
