package org.covseg.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.covseg.CovsegException;
import org.covseg.detect.DetectionEvaluation;
import org.covseg.io.AtomicFiles;
import org.covseg.metrics.Bootstrap;
import org.covseg.metrics.Confusion;
import org.covseg.metrics.DetectionMetrics;

/**
 * The evaluation of a COVID-19 detection model: {@code detection.json} (metrics with 95% intervals, counts,
 * bootstrap settings, inputs), {@code detection.md} (the same table in markdown), {@code roc.png} and
 * {@code predictions.csv} (one row per image: name, source, label, probability). Undefined values are JSON null.
 */
public final class DetectionReport {

    static final int SCHEMA_VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Map<String, String> LABELS = Map.of(DetectionMetrics.AUC, "AUC", DetectionMetrics.ACCURACY,
            "accuracy", DetectionMetrics.F1, "F1", DetectionMetrics.SENSITIVITY, "sensitivity",
            DetectionMetrics.SPECIFICITY, "specificity");

    private DetectionReport() {
    }

    /** Writes the four files into {@code dir}; {@code inputs} (model, data, split paths) go into the JSON. */
    public static List<Path> write(Path dir, DetectionEvaluation.Result result, Bootstrap bootstrap,
            Map<String, String> inputs) {
        try {
            Files.createDirectories(dir);
            Path json = dir.resolve("detection.json");
            Path markdown = dir.resolve("detection.md");
            Path predictions = dir.resolve("predictions.csv");
            Path roc = dir.resolve("roc.png");
            AtomicFiles.writeString(json, json(result, bootstrap, inputs));
            AtomicFiles.writeString(markdown, String.join("\n", markdown(result.metrics(), bootstrap)) + "\n");
            AtomicFiles.writeString(predictions, csv(result));
            DetectionMetrics m = result.metrics();
            RocChart.write(roc, m.roc(), m.scores().get(DetectionMetrics.AUC).value(),
                    "ROC, " + m.images() + " images");
            return List.of(json, markdown, predictions, roc);
        } catch (IOException e) {
            throw new CovsegException("cannot write the evaluation into " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The metrics table in markdown, with a line saying what was evaluated and how the intervals were made. */
    public static List<String> markdown(DetectionMetrics m, Bootstrap bootstrap) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%d images (%d COVID-19, %d other) from %d sources; threshold %s;"
                + " %.0f%% CI: percentile bootstrap, %d resamples of %s, seed %d", m.images(), m.positives(),
                m.images() - m.positives(), m.units(), m.threshold(), bootstrap.level() * 100, bootstrap.resamples(),
                DetectionMetrics.BY_GROUP.equals(m.resampling()) ? "sources" : "images", bootstrap.seed()));
        lines.add("");
        lines.add("| metric | value | 95% CI |");
        lines.add("|---|---|---|");
        m.scores().forEach((name, e) -> lines.add(String.format(Locale.ROOT, "| %s | %s | %s – %s |",
                LABELS.get(name), fixed(e.value()), fixed(e.lower()), fixed(e.upper()))));
        Confusion c = m.confusion();
        lines.add("");
        lines.add(String.format(Locale.ROOT, "TP %d, FP %d, FN %d, TN %d", c.tp(), c.fp(), c.fn(), c.tn()));
        return lines;
    }

    private static String fixed(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.3f", value) : "n/a";
    }

    private static String json(DetectionEvaluation.Result result, Bootstrap bootstrap, Map<String, String> inputs)
            throws JsonProcessingException {
        DetectionMetrics m = result.metrics();
        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("tool", "covseg evaluate");
        root.put("mode", "detect");
        ObjectNode in = root.putObject("inputs");
        inputs.forEach(in::put);
        in.put("evaluated", result.data());
        root.put("threshold", m.threshold());
        ObjectNode counts = root.putObject("counts");
        counts.put("images", m.images());
        counts.put("covid", m.positives());
        counts.put("nonCovid", m.images() - m.positives());
        counts.put("sources", m.units());
        Confusion c = m.confusion();
        ObjectNode confusion = root.putObject("confusion");
        confusion.put("tp", c.tp());
        confusion.put("fp", c.fp());
        confusion.put("fn", c.fn());
        confusion.put("tn", c.tn());
        ObjectNode metrics = root.putObject("metrics");
        m.scores().forEach((name, e) -> {
            ObjectNode node = metrics.putObject(name);
            MetricsJson.number(node, "value", e.value());
            MetricsJson.numbers(node.putArray("ci95"), new double[] {e.lower(), e.upper()});
        });
        ObjectNode boot = root.putObject("bootstrap");
        boot.put("method", "percentile");
        boot.put("resampling", m.resampling());
        boot.put("resamples", bootstrap.resamples());
        boot.put("seed", bootstrap.seed());
        boot.put("level", bootstrap.level());
        boot.put("aucResamplesWithOneClass", m.aucInterval().undefined());
        ObjectNode roc = root.putObject("roc");
        MetricsJson.numbers(roc.putArray("falsePositiveRate"), m.roc().falsePositiveRate());
        MetricsJson.numbers(roc.putArray("truePositiveRate"), m.roc().truePositiveRate());
        return JSON.writeValueAsString(root) + "\n";
    }

    private static String csv(DetectionEvaluation.Result result) {
        StringBuilder csv = new StringBuilder("name,source,label,probability\n");
        for (DetectionEvaluation.Prediction p : result.predictions()) {
            csv.append(PerImageCsv.field(p.name())).append(',').append(PerImageCsv.field(p.group())).append(',')
                    .append(p.covid() ? "COVID" : "NonCOVID").append(',').append(PerImageCsv.number(p.probability()))
                    .append('\n');
        }
        return csv.toString();
    }
}
