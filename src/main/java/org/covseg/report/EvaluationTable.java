package org.covseg.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.covseg.evaluation.ClassResult;
import org.covseg.evaluation.EvaluationResult;
import org.covseg.metrics.Bootstrap;
import org.covseg.metrics.EvaluationSummary;

/**
 * The evaluation as a text table: the Inf-Net paper's columns (meanDic meanSen meanSpe Sm meanEm MAE, 3 decimals)
 * then Dice and IoU at the threshold and HD95 in pixels, one row per class. NaN prints as in MATLAB; an undefined
 * HD95 prints as n/a, with a note on how many images it skipped. Under the table, each class's meanDic with its
 * percentile bootstrap interval over the images (how many resamples, which seed), and, when some images' truth is
 * empty (which the protocol scores 0), meanDic without them, with its interval.
 */
public final class EvaluationTable {

    private static final String ROW = "%-14s %6s %8s %8s %8s %6s %7s %6s %9s %8s %9s";

    private EvaluationTable() {
    }

    public static List<String> lines(EvaluationResult result) {
        String t = thresholdText(result.threshold());
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, ROW, "class", "images", "meanDic", "meanSen", "meanSpe", "Sm",
                "meanEm", "MAE", "Dice@" + t, "IoU@" + t, "HD95(px)"));
        for (ClassResult c : result.classes()) {
            EvaluationSummary s = c.summary();
            lines.add(String.format(Locale.ROOT, ROW, c.className(), s.images(), fixed(s.meanDice()),
                    fixed(s.meanSensitivity()), fixed(s.meanSpecificity()), fixed(s.sMeasure()),
                    fixed(s.meanEMeasure()), fixed(s.mae()), fixed(s.dice()), fixed(s.iou()),
                    Double.isNaN(s.hd95()) ? "n/a" : String.format(Locale.ROOT, "%.2f", s.hd95())));
        }
        Bootstrap bootstrap = result.bootstrap();
        for (ClassResult c : result.classes()) {
            EvaluationSummary s = c.summary();
            lines.add(String.format(Locale.ROOT, "%s: meanDic %s, %s bootstrap interval %s over %d images"
                    + " (percentile, %d resamples, seed %d)", c.className(), fixed(s.meanDice()),
                    percent(bootstrap.level()), range(c.meanDiceIntervals().all()), s.images(),
                    bootstrap.resamples(), bootstrap.seed()));
            if (s.hd95Undefined() > 0) {
                lines.add(String.format(Locale.ROOT, "%s: HD95 averages the %d of %d images where neither mask is"
                        + " empty", c.className(), s.images() - s.hd95Undefined(), s.images()));
            }
            if (s.emptyTruth() > 0 && s.emptyTruth() < s.images()) {
                lines.add(String.format(Locale.ROOT, "%s: %d of %d images have an empty truth, which the protocol"
                        + " scores 0 whatever the prediction; meanDic over the other %d: %s, %s interval %s",
                        c.className(), s.emptyTruth(), s.images(), s.images() - s.emptyTruth(),
                        fixed(s.meanDiceWithTruth()), percent(bootstrap.level()),
                        range(c.meanDiceIntervals().withTruth())));
            }
        }
        return lines;
    }

    /** 0.5 → "0.5", 0.35 → "0.35". */
    static String thresholdText(double threshold) {
        return BigDecimal.valueOf(threshold).stripTrailingZeros().toPlainString();
    }

    /** 0.95 → "95 %". */
    private static String percent(double level) {
        return String.format(Locale.ROOT, "%.0f %%", level * 100);
    }

    private static String range(Bootstrap.Interval interval) {
        return fixed(interval.lower()) + "–" + fixed(interval.upper());
    }

    private static String fixed(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
