package org.covseg.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.covseg.evaluation.ClassResult;
import org.covseg.evaluation.EvaluationResult;
import org.covseg.metrics.Bootstrap;
import org.covseg.metrics.EvaluationSummary;
import org.covseg.metrics.InfNetProtocol;
import org.covseg.metrics.ThresholdMetric;

/**
 * {@code metrics.json}: every summary number, each class's bootstrap intervals of meanDic ({@code intervals}, made as
 * {@code bootstrap} says), the protocol's per-threshold curves, the threshold, counts, inputs and a schema version.
 * Undefined values (NaN: HD95 with no non-empty mask pair, specificity when a ground truth fills its image, meanDic
 * over the images with truth when there are none) are written as {@code null}. Field names are stable; a change of
 * their meaning raises {@link #SCHEMA_VERSION}, added fields do not.
 */
final class MetricsJson {

    static final int SCHEMA_VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private MetricsJson() {
    }

    static byte[] of(EvaluationResult result, EvaluationInputs inputs) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("tool", "covseg evaluate");
        root.put("mode", inputs.mode());
        ObjectNode in = root.putObject("inputs");
        inputs.sources().forEach(in::put);
        in.put("groundTruthLayout", inputs.truthLayout());
        root.put("threshold", result.threshold());
        ObjectNode counts = root.putObject("counts");
        counts.put("pairs", result.pairs());
        counts.put("resized", result.resized());
        counts.put("predictionsWithoutTruth", inputs.predictionsWithoutTruth().size());
        counts.put("truthWithoutPrediction", inputs.truthWithoutPrediction().size());
        ObjectNode notEvaluated = root.putObject("notEvaluated");
        strings(notEvaluated.putArray("predictionsWithoutTruth"), inputs.predictionsWithoutTruth());
        strings(notEvaluated.putArray("truthWithoutPrediction"), inputs.truthWithoutPrediction());
        definitions(root.putObject("definitions"));
        bootstrap(root.putObject("bootstrap"), result.bootstrap());
        ArrayNode classes = root.putArray("classes");
        for (ClassResult c : result.classes()) {
            ObjectNode node = classes.addObject();
            node.put("class", c.className());
            node.put("images", c.summary().images());
            summary(node.putObject("summary"), c.summary());
            ObjectNode intervals = node.putObject("intervals");
            interval(intervals.putObject("meanDic"), c.meanDiceIntervals().all());
            interval(intervals.putObject("meanDicWithTruth"), c.meanDiceIntervals().withTruth());
            curves(node.putObject("curves"), c.summary());
        }
        try {
            return JSON.writeValueAsString(root).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the evaluation", e);
        }
    }

    private static void definitions(ObjectNode d) {
        d.put("protocol", "Inf-Net official evaluation (MATLAB EvaluationTool): per image, the 8-bit map is min-max"
                + " normalised and binarised at map >= t for the 256 thresholds t = 1:-1/255:0; meanDic, meanSen,"
                + " meanSpe, meanEm average over images at each threshold, then over thresholds; Sm (S-measure,"
                + " alpha 0.5) and MAE average over images");
        d.put("dice", "plain Dice, IoU, precision and recall of probability >= threshold, averaged over images"
                + " (1 when both masks are empty)");
        d.put("hd95", "95th-percentile symmetric Hausdorff distance between mask boundaries in pixels, averaged"
                + " over the images where neither mask is empty (hd95Undefined counts the others)");
        d.put("emptyTruth", "images whose ground truth is empty; the protocol scores their Dice 0 at every threshold,"
                + " whatever the prediction; meanDicWithTruth is meanDic over the other images");
        d.put("intervals", "percentile bootstrap intervals (lower, upper) at the level under bootstrap: the images are"
                + " resampled with replacement, as many as there are, and each resample's meanDic (the mean of its"
                + " images' own meanDic) is computed; meanDicWithTruth resamples only the images whose truth is not"
                + " empty");
    }

    private static void bootstrap(ObjectNode b, Bootstrap bootstrap) {
        b.put("method", "percentile");
        b.put("resampling", "images");
        b.put("resamples", bootstrap.resamples());
        b.put("seed", bootstrap.seed());
        b.put("level", bootstrap.level());
    }

    private static void interval(ObjectNode node, Bootstrap.Interval interval) {
        number(node, "lower", interval.lower());
        number(node, "upper", interval.upper());
    }

    private static void summary(ObjectNode s, EvaluationSummary summary) {
        number(s, "meanDic", summary.meanDice());
        number(s, "meanSen", summary.meanSensitivity());
        number(s, "meanSpe", summary.meanSpecificity());
        number(s, "Sm", summary.sMeasure());
        number(s, "meanEm", summary.meanEMeasure());
        number(s, "MAE", summary.mae());
        number(s, "maxDic", summary.curves().max(ThresholdMetric.DICE));
        number(s, "maxSen", summary.curves().max(ThresholdMetric.SENSITIVITY));
        number(s, "maxSpe", summary.curves().max(ThresholdMetric.SPECIFICITY));
        number(s, "maxEm", summary.curves().max(ThresholdMetric.E_MEASURE));
        number(s, "dice", summary.dice());
        number(s, "iou", summary.iou());
        number(s, "hd95", summary.hd95());
        s.put("hd95Undefined", summary.hd95Undefined());
        s.put("emptyTruth", summary.emptyTruth());
        number(s, "meanDicWithTruth", summary.meanDiceWithTruth());
    }

    private static void curves(ObjectNode c, EvaluationSummary summary) {
        ArrayNode thresholds = c.putArray("thresholds");
        for (int k = 0; k < InfNetProtocol.THRESHOLD_COUNT; k++) {
            thresholds.add(InfNetProtocol.threshold(k));
        }
        numbers(c.putArray("dice"), summary.curves().values(ThresholdMetric.DICE));
        numbers(c.putArray("sensitivity"), summary.curves().values(ThresholdMetric.SENSITIVITY));
        numbers(c.putArray("specificity"), summary.curves().values(ThresholdMetric.SPECIFICITY));
        numbers(c.putArray("eMeasure"), summary.curves().values(ThresholdMetric.E_MEASURE));
    }

    static void number(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) {
            node.put(field, value);
        } else {
            node.putNull(field);
        }
    }

    static void numbers(ArrayNode array, double[] values) {
        for (double v : values) {
            if (Double.isFinite(v)) {
                array.add(v);
            } else {
                array.addNull();
            }
        }
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
