package org.covseg.report;

import static org.covseg.report.ReportText.OVERVIEW_LEGEND;
import static org.covseg.report.ReportText.detectionBasis;
import static org.covseg.report.ReportText.involvement;
import static org.covseg.report.ReportText.number;
import static org.covseg.report.ReportText.numericsSentence;
import static org.covseg.report.ReportText.percent;
import static org.covseg.report.ReportText.spacing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.covseg.CovsegException;
import org.covseg.io.AtomicFiles;
import org.covseg.severity.CtSeverityScore;
import org.covseg.severity.Finding;
import org.covseg.severity.PercentageOfInfection;
import org.covseg.severity.SeverityReport;
import org.covseg.severity.TotalCtScore;
import org.covseg.severity.WholeLungScore;

/**
 * {@code report.html}: one self-contained page (inline CSS, images as data URIs, nothing fetched) showing an
 * {@link AnalysisReport} to a person: the disclaimer first, input, models and where each mask came from, the
 * scores with their definitions, the agreement with a reference mask (when one was given), key slices with the masks drawn over the CT, the per-slice chart, the approximations and the timings.
 */
public final class AnalysisHtml {

    private static final String CSS = """
            body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:0 auto;max-width:1100px;\
            padding:0 24px 40px;color:#1d1d1f;line-height:1.45}
            h1{font-size:1.6em;margin:18px 0 6px}h2{font-size:1.2em;margin:28px 0 8px;border-bottom:1px solid #ddd;\
            padding-bottom:4px}
            .disclaimer{background:#fdecea;border:1px solid #e0a39c;color:#8a1c12;padding:8px 12px;border-radius:4px;\
            font-weight:600;margin-top:14px}
            table{border-collapse:collapse;margin:6px 0;font-size:.93em}td,th{border:1px solid #ddd;padding:4px 8px;\
            text-align:left;vertical-align:top}th{background:#f4f5f7}
            td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            td code,td.path{word-break:break-all}
            .def{white-space:pre-wrap;font-size:.85em;color:#444;max-width:640px}
            summary{cursor:pointer;font-size:.9em;color:#333;max-width:640px}
            .na{color:#777;font-style:italic}
            .slices{display:flex;flex-wrap:wrap;gap:14px}.slices figure{margin:0}.slices img{display:block;\
            border:1px solid #333}figcaption{font-size:.9em;margin-top:3px}
            .legend span{display:inline-block;width:14px;height:10px;margin:0 4px 0 14px;vertical-align:middle}
            img.chart{max-width:100%;border:1px solid #ddd}
            ul.approx li{margin-bottom:4px}
            """;

    private AnalysisHtml() {
    }

    /** @param overview a volume's {@link OverviewSheet}, or null (2-D images) */
    public static void write(Path file, AnalysisReport report, List<KeySlice> keySlices, OverviewSheet.Sheet overview,
            String studyName) {
        String html = render(report, keySlices, overview, studyName);
        try {
            AtomicFiles.writeString(file, html);
        } catch (IOException e) {
            throw new CovsegException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    static String render(AnalysisReport report, List<KeySlice> keySlices, OverviewSheet.Sheet overview,
            String studyName) {
        StringBuilder h = new StringBuilder(1 << 16);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>covseg analysis: ")
                .append(esc(studyName)).append("</title>\n<style>\n").append(CSS).append("</style></head><body>\n");
        h.append("<p class=\"disclaimer\">").append(esc(report.disclaimer()))
                .append(" The numbers below come from automatic segmentations and geometric approximations;"
                        + " they are not a diagnosis.</p>\n");
        h.append("<h1>covseg analysis: ").append(esc(studyName)).append("</h1>\n");
        summary(h, report);
        if (report.severity() == null) {
            sliceScores(h, report.slices());
        }
        if (overview != null) {
            h.append("<h2>Overview</h2>\n<p class=\"legend\">").append(esc(OVERVIEW_LEGEND))
                    .append("</p>\n<img class=\"chart\" alt=\"axial slices from the first to the last and a coronal"
                            + " view, with the lungs and the infection found\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(overview.png())).append("\">\n");
        }
        keySlices(h, keySlices);
        chart(h, report);
        if (report.severity() != null) {
            scores(h, report.severity(), report.detection());
        }
        if (report.agreement() != null) {
            agreement(h, report.agreement());
        }
        input(h, report);
        models(h, report);
        approximations(h, report);
        timings(h, report.timingsSeconds(), report.wallSeconds());
        h.append("<p class=\"disclaimer\">").append(esc(report.disclaimer())).append("</p>\n</body></html>\n");
        return h.toString();
    }

    private static void summary(StringBuilder h, AnalysisReport r) {
        List<String[]> rows = ReportSummary.rows(r);
        if (rows.isEmpty()) {
            return;
        }
        h.append("<h2>Summary</h2>\n<table class=\"summary\">\n");
        for (String[] row : rows) {
            h.append("<tr><th>").append(esc(row[0])).append("</th><td>").append(esc(row[1])).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void input(StringBuilder h, AnalysisReport r) {
        InputInfo in = r.input();
        h.append("<h2>Input</h2>\n<table>\n");
        row(h, "path", esc(in.path()));
        row(h, "kind", esc(in.kind()));
        if (in.shape() != null) {
            row(h, "shape", joined(in.shape()) + (in.shape().length == 3 ? " voxels" : " pixels"));
        }
        row(h, "spacing", in.spacingMm() == null ? "unknown (amounts are pixel counts; give --pixel-mm)"
                : spacing(in.spacingMm()) + " mm");
        for (String note : in.notes()) {
            row(h, "note", esc(note));
        }
        row(h, "infection classes", esc(r.infectionClasses()));
        if (r.threshold() != null) {
            row(h, "threshold", String.format(Locale.ROOT, "probability &ge; %s counts as infected",
                    EvaluationTable.thresholdText(r.threshold())));
        }
        row(h, "covseg", esc(r.covsegVersion()));
        h.append("</table>\n");
    }

    private static void models(StringBuilder h, AnalysisReport r) {
        h.append("<h2>Models and masks</h2>\n");
        if (!r.models().isEmpty()) {
            h.append("<table>\n<tr><th>task</th><th>name</th><th>version</th><th>architecture</th>"
                    + "<th>weights SHA-256</th><th>folder</th></tr>\n");
            for (ModelInfo m : r.models()) {
                h.append("<tr><td>").append(esc(m.task())).append("</td><td>").append(esc(m.name()))
                        .append("</td><td>").append(esc(m.versionShown())).append("</td><td>")
                        .append(esc(m.architecture())).append("</td><td><code>")
                        .append(esc(m.weightsSha256() == null ? "not recorded" : m.weightsSha256()))
                        .append("</code></td><td class=\"path\">").append(esc(m.path())).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        if (r.numerics() != null) {
            h.append("<p>").append(esc(numericsSentence(r.numerics()))).append("</p>\n");
        }
        h.append("<table>\n<tr><th>mask</th><th>from</th><th>values</th></tr>\n");
        for (MaskOrigin m : r.masks()) {
            h.append("<tr><td>").append(esc(m.mask())).append("</td><td>").append(esc(m.origin()))
                    .append("</td><td>").append(esc(m.labels())).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    /** The agreement of the analysed infection mask with the user's reference mask. */
    private static void agreement(StringBuilder h, Agreement a) {
        h.append("<h2>Agreement with the reference mask</h2>\n");
        textTable(h, AgreementTables.regions(a), 2);
        String notCompared = AgreementTables.classesNotCompared(a);
        if (notCompared != null) {
            h.append("<p class=\"na\">").append(esc(notCompared)).append("</p>\n");
        }
        textTable(h, AgreementTables.scores(a), 1);
        h.append("<details><summary>definition</summary><div class=\"def\">")
                .append(esc(Agreement.DEFINITION)).append("</div></details>\n");
    }

    /** A table whose first row is the header and whose columns from {@code firstNumber} on are numbers. */
    private static void textTable(StringBuilder h, List<String[]> rows, int firstNumber) {
        h.append("<table>\n<tr>");
        for (String head : rows.get(0)) {
            h.append("<th>").append(esc(head)).append("</th>");
        }
        h.append("</tr>\n");
        for (String[] row : rows.subList(1, rows.size())) {
            h.append("<tr>");
            for (int c = 0; c < row.length; c++) {
                String open = c < firstNumber ? "<td>" : "<td class=\"num\">";
                h.append(open).append(esc(row[c])).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    /** The detection model's probability, beside the finding flag, with its caveat in plain sight. */
    private static void detection(StringBuilder h, CovidDetection d) {
        h.append("<tr><td>COVID-19 detection (slice classifier)</td>");
        if (d.probability() == null) {
            h.append("<td class=\"na\">not run: ").append(esc(d.notRun())).append("</td>");
        } else {
            h.append("<td class=\"num\"><b>").append(String.format(Locale.ROOT, "probability %.2f", d.probability()))
                    .append("</b><br>").append(esc(detectionBasis(d))).append("</td>");
        }
        h.append("<td class=\"def\">").append(esc(d.caveat())).append(d.rule() == null ? ""
                : "<br>Rule: " + esc(d.rule()) + ".").append("</td></tr>\n");
    }


    private static void scores(StringBuilder h, SeverityReport s, CovidDetection detection) {
        PercentageOfInfection poi = s.percentageOfInfection();
        h.append("<h2>Scores</h2>\n<table>\n<tr><th>score</th><th>value</th><th>definition</th></tr>\n");
        h.append("<tr><td>").append(esc(poi.label())).append("</td><td class=\"num\">")
                .append(esc(involvement("right lung", poi.right(), poi.unit()))).append("<br>")
                .append(esc(involvement("left lung", poi.left(), poi.unit()))).append("<br><b>")
                .append(esc(involvement("both lungs", poi.total(), poi.unit()))).append("</b><br>")
                .append(String.format(Locale.ROOT, "outside the lungs: %s %s", number(
                        poi.outsideLungs().any().value()), esc(poi.unit())))
                .append(poi.total().groundGlass() != null ? "" : "<br><span class=\"na\">ground-glass / consolidation:"
                        + " not available (see infection classes)</span>")
                .append("</td>").append(definition(poi.definition())).append("</tr>\n");
        Finding f = s.finding();
        h.append("<tr><td>Finding flag</td><td class=\"num\">").append(f.present() ? "<b>infection present</b>"
                        : "no finding").append(String.format(Locale.ROOT, "<br>largest lesion %s %s (minimum %s)",
                        number(f.largestLesion().value()), esc(s.unit()), number(f.threshold())))
                .append("</td>").append(definition(f.definition())).append("</tr>\n");
        detection(h, detection);
        for (WholeLungScore w : s.wholeLungScores()) {
            scoreRow(h, w.label(), w.reading(), w.notApplicableReason(), w.definition());
        }
        h.append("</table>\n");
        if (s.ctSeverityScore().applicable()) {
            regionTable(h, s);
        }
    }

    private static void regionTable(StringBuilder h, SeverityReport s) {
        h.append("<details><summary>Per lobe and region (geometric approximation, not anatomical)</summary>\n"
                + "<table>\n<tr><th>lobe</th><th>infected</th><th>score 0-5</th></tr>\n");
        for (TotalCtScore.LobeScore l : s.totalCtScore().lobes()) {
            h.append("<tr><td>").append(esc(l.description())).append("</td><td class=\"num\">")
                    .append(percent(l.percent())).append("</td><td class=\"num\">").append(l.score())
                    .append("</td></tr>\n");
        }
        h.append("</table>\n<table>\n<tr><th>region</th><th>infected</th><th>score 0-2</th></tr>\n");
        for (CtSeverityScore.RegionScore r : s.ctSeverityScore().regions()) {
            h.append("<tr><td>").append(esc(r.region().lobe().displayName() + ": " + r.description()))
                    .append("</td><td class=\"num\">").append(percent(r.percent())).append("</td><td class=\"num\">")
                    .append(r.score()).append("</td></tr>\n");
        }
        h.append("</table></details>\n");
    }

    /** A folder of 2-D images: each image's area-based POI, then the definitions once. */
    private static void sliceScores(StringBuilder h, List<SliceResult> slices) {
        h.append("<h2>Scores per image</h2>\n<table>\n<tr><th>image</th><th>POI right</th><th>POI left</th>"
                + "<th>POI both lungs</th><th>finding flag</th></tr>\n");
        SeverityReport any = null;
        for (SliceResult s : slices) {
            h.append("<tr><td>").append(esc(s.name())).append("</td>");
            if (s.severity() == null) {
                h.append("<td colspan=\"4\" class=\"na\">not scored: ").append(esc(s.notScored()))
                        .append("</td></tr>\n");
                continue;
            }
            any = s.severity();
            PercentageOfInfection poi = s.severity().percentageOfInfection();
            h.append("<td class=\"num\">").append(percent(poi.right().any().percent())).append("</td><td class=\"num\">")
                    .append(percent(poi.left().any().percent())).append("</td><td class=\"num\"><b>")
                    .append(percent(poi.total().any().percent())).append("</b></td><td>")
                    .append(s.severity().finding().present() ? "infection present" : "no finding")
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");
        if (any != null) {
            h.append("<table>\n<tr><th>score</th><th>value</th><th>definition</th></tr>\n");
            scoreRow(h, any.percentageOfInfection().label(), "per image, above", null,
                    any.percentageOfInfection().definition());
            scoreRow(h, "Finding flag", "per image, above", null, any.finding().definition());
            for (WholeLungScore w : any.wholeLungScores()) {
                scoreRow(h, w.label(), null, w.notApplicableReason(), w.definition());
            }
            h.append("</table>\n");
        }
    }

    private static void scoreRow(StringBuilder h, String label, String value, String notApplicable,
                                 String definition) {
        h.append("<tr><td>").append(esc(label)).append("</td>");
        if (value != null) {
            h.append("<td class=\"num\"><b>").append(esc(value)).append("</b></td>");
        } else {
            h.append("<td class=\"na\">").append(esc(notApplicable)).append("</td>");
        }
        h.append(definition(definition)).append("</tr>\n");
    }

    /** A table cell with a definition, folded (it can be long) and shown on a click. */
    private static String definition(String text) {
        return "<td><details><summary>definition</summary><div class=\"def\">" + esc(text) + "</div></details></td>";
    }

    private static void keySlices(StringBuilder h, List<KeySlice> keySlices) {
        boolean classes = keySlices.stream().anyMatch(KeySlice::classes);
        h.append("<h2>Key slices</h2>\n<p class=\"legend\">CT in the lung window;")
                .append(swatch(SliceOverlay.RIGHT_LUNG)).append("right lung contour")
                .append(swatch(SliceOverlay.LEFT_LUNG)).append("left lung contour");
        if (classes) {
            h.append(swatch(SliceOverlay.GROUND_GLASS)).append("ground-glass opacity")
                    .append(swatch(SliceOverlay.CONSOLIDATION)).append("consolidation (each filled, with contour).");
        } else {
            h.append(swatch(SliceOverlay.INFECTION)).append("infection (filled, with contour).");
        }
        h.append(" The patient's right is on the image's left, anterior at the top.</p>\n")
                .append("<div class=\"slices\">\n");
        for (KeySlice k : keySlices) {
            h.append("<figure><img alt=\"").append(esc(k.caption())).append("\" src=\"")
                    .append(dataUri(EvaluationReport.png(SliceOverlay.render(k)))).append("\"><figcaption>")
                    .append(esc(k.caption())).append("</figcaption></figure>\n");
        }
        h.append("</div>\n");
    }

    private static void chart(StringBuilder h, AnalysisReport r) {
        if (r.slices().size() < 2) {
            return;
        }
        h.append("<h2>Per slice</h2>\n<img class=\"chart\" alt=\"infected and lung amount per slice\" src=\"")
                .append(dataUri(InfectionAreaChart.png(r.slices(), r.severity() != null
                        && !r.severity().singleSlice()))).append("\">\n");
    }

    private static void approximations(StringBuilder h, AnalysisReport r) {
        h.append("<h2>Approximations</h2>\n<ul class=\"approx\">\n");
        for (String a : r.approximations()) {
            h.append("<li>").append(esc(a)).append("</li>\n");
        }
        h.append("</ul>\n");
    }

    private static void timings(StringBuilder h, Map<String, Double> timings, double wallSeconds) {
        h.append("<h2>Timings</h2>\n<table>\n");
        for (Map.Entry<String, Double> e : timings.entrySet()) {
            row(h, esc(e.getKey()), String.format(Locale.ROOT, "%.2f s", e.getValue()));
        }
        row(h, "<b>whole analysis</b>", String.format(Locale.ROOT, "<b>%.2f s</b>", wallSeconds));
        h.append("</table>\n<p>From reading the input to the masks written. Some stages run beside each other when"
                + " memory allows, so the stages' times can add up to more than the whole.</p>\n");
    }

    private static void row(StringBuilder h, String label, String valueHtml) {
        h.append("<tr><th>").append(label).append("</th><td>").append(valueHtml).append("</td></tr>\n");
    }

    private static String swatch(java.awt.Color c) {
        return String.format(Locale.ROOT, "<span style=\"background:#%06x\"></span>", c.getRGB() & 0xFFFFFF);
    }



    private static String joined(int[] values) {
        StringBuilder b = new StringBuilder();
        for (int v : values) {
            b.append(b.length() == 0 ? "" : " x ").append(v);
        }
        return b.toString();
    }

    static String dataUri(byte[] png) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
