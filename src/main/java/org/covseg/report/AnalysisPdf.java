package org.covseg.report;

import static org.covseg.report.ReportText.OVERVIEW_LEGEND;
import static org.covseg.report.ReportText.detectionBasis;
import static org.covseg.report.ReportText.involvement;
import static org.covseg.report.ReportText.number;
import static org.covseg.report.ReportText.numericsSentence;
import static org.covseg.report.ReportText.percent;
import static org.covseg.report.ReportText.spacing;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.covseg.CovsegException;
import org.covseg.io.AtomicFiles;
import org.covseg.severity.Finding;
import org.covseg.severity.PercentageOfInfection;
import org.covseg.severity.SeverityReport;
import org.covseg.severity.WholeLungScore;
import org.knowm.xchart.BitmapEncoder;

/**
 * {@code report.pdf}: the content of {@link AnalysisHtml} in printable form (A4): title, disclaimer, input, models
 * and masks, the scores with their definitions, the agreement with a reference mask (when one was given), the key
 * slices, the per-slice chart and the approximations.
 */
public final class AnalysisPdf {

    private static final Color DISCLAIMER = new Color(138, 28, 18);
    private static final float SLICE_WIDTH = 250;
    /**
     * The overview sheet shrinks to stay on page 1 beside the summary (12 axial slices of at least 60 points and the
     * coronal view), and goes to a page of its own only below this width.
     */
    private static final float OVERVIEW_SMALLEST_WIDTH = 250;

    private AnalysisPdf() {
    }

    /** @param overview a volume's {@link OverviewSheet}, or null (2-D images) */
    public static void write(Path file, AnalysisReport report, List<KeySlice> keySlices, OverviewSheet.Sheet overview,
            String studyName) {
        try (PDDocument doc = new PDDocument()) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("covseg analysis: " + studyName);
            info.setCreator("covseg " + report.covsegVersion());
            try (PdfLayout pdf = new PdfLayout(doc)) {
                render(pdf, report, keySlices, overview, studyName);
            }
            AtomicFiles.write(file, doc::save);
        } catch (IOException e) {
            throw new CovsegException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void render(PdfLayout pdf, AnalysisReport r, List<KeySlice> keySlices, OverviewSheet.Sheet overview,
            String studyName)
            throws IOException {
        pdf.paragraph("covseg analysis: " + studyName, 17, true, Color.BLACK);
        pdf.paragraph(r.disclaimer() + " The numbers below come from automatic segmentations and geometric"
                + " approximations; they are not a diagnosis.", 10, true, DISCLAIMER);
        List<String[]> summary = ReportSummary.rows(r);
        if (!summary.isEmpty()) {
            pdf.heading("Summary");
            summary.add(0, new String[] {"", "result"});
            pdf.table(new float[] {0.22f, 0.78f}, summary, 9.5f);
        } else {
            sliceScores(pdf, r.slices());
        }
        if (overview != null) {
            pdf.heading("Overview");
            pdf.paragraph(OVERVIEW_LEGEND, 8.5f, false, Color.BLACK);
            pdf.imageInRoomLeft(overview.image(), OVERVIEW_SMALLEST_WIDTH);
        }
        if (!keySlices.isEmpty()) {
            pdf.heading("Key slices");
            boolean classes = keySlices.stream().anyMatch(KeySlice::classes);
            pdf.paragraph("CT in the lung window; right lung contour blue, left lung contour cyan; "
                    + (classes ? "ground-glass opacity yellow, consolidation magenta" : "infection red")
                    + " (filled, with contour). The patient's right is on the image's left, anterior at the top.",
                    8.5f, false, Color.BLACK);
            List<BufferedImage> images = new ArrayList<>();
            List<String> captions = new ArrayList<>();
            for (KeySlice k : keySlices) {
                images.add(SliceOverlay.render(k));
                captions.add(k.caption());
            }
            pdf.images(images, captions, SLICE_WIDTH);
        }
        if (r.slices().size() >= 2) {
            BufferedImage chart = BitmapEncoder.getBufferedImage(InfectionAreaChart.chart(r.slices(),
                    r.severity() != null && !r.severity().singleSlice()));
            pdf.heading("Per slice", PdfLayout.heightAt(chart, pdf.width()) + 8);
            pdf.images(List.of(chart), null, pdf.width());
        }
        if (r.severity() != null) {
            scores(pdf, r.severity(), r.detection());
        }
        if (r.agreement() != null) {
            agreement(pdf, r.agreement());
        }
        provenance(pdf, r);
        pdf.heading("Approximations");
        for (String a : r.approximations()) {
            pdf.paragraph("- " + a, 8.5f, false, Color.BLACK);
        }
        pdf.paragraph(r.disclaimer(), 10, true, DISCLAIMER);
    }

    /** Where the numbers came from: the input, the models and the masks. */
    private static void provenance(PdfLayout pdf, AnalysisReport r) throws IOException {
        pdf.heading("Input");
        List<String[]> input = new ArrayList<>();
        input.add(new String[] {"field", "value"});
        input.add(new String[] {"path", r.input().path()});
        input.add(new String[] {"kind", r.input().kind()});
        input.add(new String[] {"spacing", r.input().spacingMm() == null ? "unknown (amounts are pixel counts)"
                : spacing(r.input().spacingMm()) + " mm"});
        r.input().notes().forEach(n -> input.add(new String[] {"note", n}));
        input.add(new String[] {"infection classes", r.infectionClasses()});
        if (r.threshold() != null) {
            input.add(new String[] {"threshold", "probability >= " + r.threshold() + " counts as infected"});
        }
        input.add(new String[] {"covseg", r.covsegVersion()});
        pdf.table(new float[] {0.2f, 0.8f}, input, 8.5f);
        pdf.heading("Models and masks");
        if (!r.models().isEmpty()) {
            List<String[]> models = new ArrayList<>();
            models.add(new String[] {"task", "name", "version", "weights SHA-256", "folder"});
            for (ModelInfo m : r.models()) {
                models.add(new String[] {m.task(), m.name(), m.versionShown(),
                    m.weightsSha256() == null ? "not recorded" : m.weightsSha256(), m.path()});
            }
            pdf.table(new float[] {0.11f, 0.15f, 0.08f, 0.33f, 0.33f}, models, 7.5f);
        }
        if (r.numerics() != null) {
            pdf.paragraph(numericsSentence(r.numerics()), 8.5f, false, Color.BLACK);
        }
        List<String[]> masks = new ArrayList<>();
        masks.add(new String[] {"mask", "from", "values"});
        r.masks().forEach(m -> masks.add(new String[] {m.mask(), m.origin(), m.labels()}));
        pdf.table(new float[] {0.12f, 0.5f, 0.38f}, masks, 7.5f);
    }

    private static void agreement(PdfLayout pdf, Agreement a) throws IOException {
        pdf.heading("Agreement with the reference mask");
        pdf.table(new float[] {0.14f, 0.11f, 0.07f, 0.07f, 0.15f, 0.15f, 0.17f, 0.14f}, AgreementTables.regions(a),
                7.5f);
        String notCompared = AgreementTables.classesNotCompared(a);
        if (notCompared != null) {
            pdf.paragraph(notCompared, 8.5f, false, Color.BLACK);
        }
        pdf.table(new float[] {0.3f, 0.23f, 0.23f, 0.24f}, AgreementTables.scores(a), 8.5f);
        pdf.paragraph(Agreement.DEFINITION, 7.5f, false, Color.DARK_GRAY);
    }

    private static void scores(PdfLayout pdf, SeverityReport s, CovidDetection d) throws IOException {
        pdf.heading("Scores");
        PercentageOfInfection poi = s.percentageOfInfection();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"score", "value", "definition"});
        rows.add(new String[] {poi.label(), involvement("right lung", poi.right(), poi.unit()) + "\n"
                + involvement("left lung", poi.left(), poi.unit()) + "\n"
                + involvement("both lungs", poi.total(), poi.unit()) + "\n"
                + "outside the lungs: " + number(poi.outsideLungs().any().value()) + " " + poi.unit()
                + (poi.total().groundGlass() != null ? "" : "\nground-glass / consolidation: not available"),
            poi.definition()});
        Finding f = s.finding();
        rows.add(new String[] {"Finding flag", (f.present() ? "infection present" : "no finding")
                + String.format(Locale.ROOT, "\nlargest lesion %s %s (minimum %s)", number(f.largestLesion().value()),
                s.unit(), number(f.threshold())), f.definition()});
        rows.add(new String[] {"COVID-19 detection (slice classifier)", d.probability() == null
                ? "not run: " + d.notRun()
                : String.format(Locale.ROOT, "probability %.2f\n%s", d.probability(), detectionBasis(d)),
            d.caveat() + (d.rule() == null ? "" : " Rule: " + d.rule() + ".")});
        for (WholeLungScore w : s.wholeLungScores()) {
            rows.add(row(w.label(), w.reading(), w.notApplicableReason(), w.definition()));
        }
        pdf.table(new float[] {0.17f, 0.33f, 0.5f}, rows, 7.5f);
    }

    private static String[] row(String label, String value, String notApplicable, String definition) {
        return new String[] {label, value != null ? value : "not applicable: " + notApplicable, definition};
    }

    private static void sliceScores(PdfLayout pdf, List<SliceResult> slices) throws IOException {
        pdf.heading("Scores per image");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"image", "POI right", "POI left", "POI both lungs", "finding flag"});
        SeverityReport any = null;
        for (SliceResult s : slices) {
            if (s.severity() == null) {
                rows.add(new String[] {s.name(), "not scored: " + s.notScored(), "", "", ""});
                continue;
            }
            any = s.severity();
            PercentageOfInfection poi = any.percentageOfInfection();
            rows.add(new String[] {s.name(), percent(poi.right().any().percent()), percent(poi.left().any().percent()),
                percent(poi.total().any().percent()), any.finding().present() ? "infection present" : "no finding"});
        }
        pdf.table(new float[] {0.32f, 0.17f, 0.17f, 0.17f, 0.17f}, rows, 7.5f);
        if (any != null) {
            pdf.table(new float[] {0.25f, 0.75f}, List.of(new String[] {"score", "definition"},
                    new String[] {any.percentageOfInfection().label(), any.percentageOfInfection().definition()},
                    new String[] {"Finding flag", any.finding().definition()}), 7.5f);
        }
    }
}
