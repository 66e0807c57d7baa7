package org.covseg.report;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.covseg.evaluation.ClassResult;
import org.covseg.evaluation.EvaluationResult;
import org.covseg.evaluation.InfectionClass;
import org.covseg.metrics.ImageEvaluation;
import org.covseg.metrics.Overlap;
import org.covseg.metrics.ProtocolScores;

/**
 * {@code per_image.csv}: one row per image (and class, with a leading {@code class} column when the result has
 * classes other than {@value InfectionClass#INFECTION}). Protocol columns are the image's own means over the 256
 * thresholds; dice, iou, precision, recall and hd95 (pixels) are at the threshold; gtPixels and predictedPixels count
 * the ground truth and the prediction at the threshold. An undefined value (NaN) is an empty field.
 */
public final class PerImageCsv {

    static final List<String> COLUMNS = List.of("name", "meanDic", "meanSen", "meanSpe", "Sm", "meanEm", "MAE",
            "dice", "iou", "precision", "recall", "hd95", "gtPixels", "predictedPixels");

    private PerImageCsv() {
    }

    static byte[] of(EvaluationResult result) {
        boolean classColumn = !result.singleClass();
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>(COLUMNS);
        if (classColumn) {
            header.add(0, "class");
        }
        csv.append(String.join(",", header)).append('\n');
        for (ClassResult c : result.classes()) {
            for (ImageEvaluation image : c.images()) {
                List<String> row = new ArrayList<>(header.size());
                if (classColumn) {
                    row.add(field(c.className()));
                }
                row.addAll(values(image));
                csv.append(String.join(",", row)).append('\n');
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> values(ImageEvaluation image) {
        ProtocolScores p = image.protocol();
        Overlap o = image.overlap();
        return List.of(field(image.name()),
                number(p.meanDice()), number(p.meanSensitivity()), number(p.meanSpecificity()),
                number(p.sMeasure()), number(p.meanEMeasure()), number(p.mae()),
                number(o.dice()), number(o.iou()), number(o.precision()), number(o.recall()), number(image.hd95()),
                Long.toString(image.confusion().actualPositives()),
                Long.toString(image.confusion().predictedPositives()));
    }

    public static String number(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.6f", value) : "";
    }

    /** RFC 4180: quoted, with doubled quotes, when the text holds a comma, a quote or a line break. */
    public static String field(String text) {
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
