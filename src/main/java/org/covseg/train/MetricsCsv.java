package org.covseg.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.covseg.io.AtomicFiles;

/**
 * {@code metrics.csv}: one row per epoch — epoch, lr, {@code train_<term>} for each loss term, train_loss, val_loss,
 * {@code val_<metric>} for each validation score, seconds, rss_mb. Rewritten whole (atomically) after every epoch.
 */
public final class MetricsCsv {

    private MetricsCsv() {
    }

    public static void write(Path file, List<EpochRecord> history) throws IOException {
        AtomicFiles.writeString(file, format(history));
    }

    static String format(List<EpochRecord> history) {
        Set<String> trainTerms = new LinkedHashSet<>();
        Set<String> scores = new LinkedHashSet<>();
        for (EpochRecord r : history) {
            trainTerms.addAll(r.train().keySet());
            scores.addAll(r.validation().keySet());
        }
        trainTerms.remove("loss");
        List<String> header = new ArrayList<>(List.of("epoch", "lr"));
        trainTerms.forEach(t -> header.add("train_" + t));
        header.add("train_loss");
        header.add("val_loss");
        scores.forEach(s -> header.add("val_" + s));
        header.addAll(List.of("seconds", "rss_mb"));

        StringBuilder csv = new StringBuilder(String.join(",", header)).append('\n');
        for (EpochRecord r : history) {
            List<String> row = new ArrayList<>(List.of(Integer.toString(r.epoch()), number(r.learningRate())));
            trainTerms.forEach(t -> row.add(number(r.train().get(t))));
            row.add(number(r.train().get("loss")));
            row.add(number(r.validationLoss()));
            scores.forEach(s -> row.add(number(r.validation().get(s))));
            row.add(String.format(Locale.ROOT, "%.1f", r.seconds()));
            row.add(r.rssBytes() < 0 ? "" : Long.toString(r.rssBytes() / (1024 * 1024)));
            csv.append(String.join(",", row)).append('\n');
        }
        return csv.toString();
    }

    private static String number(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.6g", value);
    }
}
