package org.covseg.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.covseg.report.PerImageCsv;

/**
 * The rows of an experiment as {@code results.csv} (one line per cell and class, mean and std columns, empty when
 * undefined) and as a Markdown table (mean ± std, 3 decimals; training seconds per fold rounded).
 */
final class ResultsTable {

    private ResultsTable() {
    }

    static String csv(List<CellSummary> rows) {
        List<String> header = new ArrayList<>(List.of("cell", "kind", "class", "status", "folds_done", "folds",
                "val_loss_mean", "val_loss_std"));
        for (ProtocolMetric m : ProtocolMetric.values()) {
            header.add(m.key() + "_mean");
            header.add(m.key() + "_std");
        }
        header.addAll(List.of("train_seconds_mean", "train_seconds_std"));
        StringBuilder text = new StringBuilder(String.join(",", header)).append('\n');
        for (CellSummary r : rows) {
            List<String> line = new ArrayList<>(List.of(r.cell(), r.kind().key(), r.className(),
                    PerImageCsv.field(r.status()), Integer.toString(r.foldsDone()), Integer.toString(r.folds())));
            addCsv(line, r.loss());
            for (ProtocolMetric m : ProtocolMetric.values()) {
                addCsv(line, r.metrics().get(m));
            }
            addCsv(line, r.seconds());
            text.append(String.join(",", line)).append('\n');
        }
        return text.toString();
    }

    private static void addCsv(List<String> line, MeanStd value) {
        line.add(PerImageCsv.number(value.mean()));
        line.add(PerImageCsv.number(value.std()));
    }

    static List<String> markdown(List<CellSummary> rows, boolean perClass) {
        List<String> header = new ArrayList<>(List.of("cell", "kind"));
        if (perClass) {
            header.add("class");
        }
        header.addAll(List.of("folds", "val loss"));
        for (ProtocolMetric m : ProtocolMetric.values()) {
            header.add(m.label());
        }
        header.addAll(List.of("train s/fold", "status"));
        List<String> lines = new ArrayList<>();
        lines.add(row(header));
        lines.add(row(header.stream().map(h -> "---").toList()));
        for (CellSummary r : rows) {
            List<String> cells = new ArrayList<>(List.of(r.cell(), r.kind().key()));
            if (perClass) {
                cells.add(r.className());
            }
            cells.add(r.foldsDone() + "/" + r.folds());
            cells.add(meanStd(r.loss(), "%.3f"));
            for (ProtocolMetric m : ProtocolMetric.values()) {
                cells.add(meanStd(r.metrics().get(m), "%.3f"));
            }
            cells.add(meanStd(r.seconds(), "%.0f"));
            cells.add(r.status().replace("|", "\\|"));
            lines.add(row(cells));
        }
        return lines;
    }

    /** "0.512 ± 0.034"; the mean alone when the deviation is undefined; "–" without values. */
    static String meanStd(MeanStd value, String format) {
        if (value.n() == 0) {
            return "–";
        }
        String mean = number(value.mean(), format);
        return Double.isNaN(value.std()) && value.n() < 2 ? mean : mean + " ± " + number(value.std(), format);
    }

    private static String number(double value, String format) {
        return Double.isNaN(value) ? "NaN" : String.format(Locale.ROOT, format, value);
    }

    private static String row(List<String> cells) {
        return "| " + String.join(" | ", cells) + " |";
    }
}
