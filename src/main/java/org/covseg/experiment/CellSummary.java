package org.covseg.experiment;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One row of the results: a cell's (and, for multiclass, one class's) mean ± std over its finished folds of the
 * validation loss, each {@link ProtocolMetric} and the training seconds, with how many folds are done.
 *
 * @param failure why the cell failed in this run, or null
 */
record CellSummary(String cell, CellKind kind, String className, int foldsDone, int folds, String failure,
                   MeanStd loss, Map<ProtocolMetric, MeanStd> metrics, MeanStd seconds) {

    static List<CellSummary> of(Cell cell, List<String> classes, List<FoldResult> done, int folds, String failure) {
        List<CellSummary> rows = new ArrayList<>();
        List<Double> loss = new ArrayList<>();
        List<Double> seconds = new ArrayList<>();
        for (FoldResult r : done) {
            loss.add(r.validationLoss() == null ? Double.NaN : r.validationLoss());
            seconds.add(r.trainSeconds());
        }
        for (String c : classes) {
            Map<ProtocolMetric, MeanStd> metrics = new EnumMap<>(ProtocolMetric.class);
            for (ProtocolMetric m : ProtocolMetric.values()) {
                List<Double> values = new ArrayList<>();
                for (FoldResult r : done) {
                    Map<String, Double> scores = r.classes().get(c);
                    Double v = scores == null ? null : scores.get(m.key());
                    values.add(v == null ? Double.NaN : v);
                }
                metrics.put(m, MeanStd.of(values));
            }
            rows.add(new CellSummary(cell.name(), cell.kind(), c, done.size(), folds, failure,
                    MeanStd.of(loss), metrics, MeanStd.of(seconds)));
        }
        return rows;
    }

    boolean finished() {
        return failure == null && foldsDone == folds;
    }

    /** done, partial k/n, not run, or failed: why. */
    String status() {
        if (failure != null) {
            return "failed: " + failure;
        }
        if (foldsDone == folds) {
            return "done";
        }
        return foldsDone == 0 ? "not run" : "partial " + foldsDone + "/" + folds;
    }
}
