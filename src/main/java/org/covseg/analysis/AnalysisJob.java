package org.covseg.analysis;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import me.tongfei.progressbar.ProgressBar;
import org.covseg.CovsegException;
import org.covseg.Progress;
import org.covseg.data.Scan;
import org.covseg.data.Scans;
import org.covseg.data.Studies;
import org.covseg.image.Volume;
import org.covseg.io.SliceOrientation;
import org.covseg.report.AnalysisReport;
import org.covseg.severity.PercentageOfInfection;
import org.covseg.severity.SeverityReport;
import org.covseg.severity.WholeLungScore;

/**
 * {@code covseg analyze}: one study into {@code out}, or each study of a folder of studies into
 * {@code out/<study>/}. In a folder, a study that fails is reported in one line and skipped; the others go on.
 */
public final class AnalysisJob {

    /**
     * @param input         a study or a folder of studies
     * @param out           output folder (absent or empty for a single study)
     * @param seriesUid     DICOM series to read when a folder has several, or null
     * @param covsegVersion recorded in each report
     * @param pdf           whether to write report.pdf beside report.html
     * @param rewindow      whether 2-D images exported with another window are re-windowed ({@link Scans})
     * @param orientation   pixel order of 2-D image files (read and written)
     */
    public record Request(Path input, Path out, String seriesUid, String covsegVersion, boolean pdf,
                          boolean rewindow, SliceOrientation orientation) {

        /** A request for images in display order that re-windows nothing. */
        public Request(Path input, Path out, String seriesUid, String covsegVersion, boolean pdf) {
            this(input, out, seriesUid, covsegVersion, pdf, false, SliceOrientation.DISPLAY);
        }

        /** A request without a PDF report that re-windows nothing. */
        public Request(Path input, Path out, String seriesUid, String covsegVersion) {
            this(input, out, seriesUid, covsegVersion, false);
        }
    }

    /** How a run went: the studies written and, per failed study, its one-line reason. */
    public record Summary(List<Path> written, Map<Path, String> failures) {
        public Summary {
            written = List.copyOf(written);
            failures = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(failures));
        }
    }

    private final StudyAnalyzer analyzer;

    public AnalysisJob(StudyAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    public Summary run(Request r, PrintWriter log) {
        if (r.input().toAbsolutePath().normalize().equals(r.out().toAbsolutePath().normalize())) {
            throw new CovsegException("--out must differ from the input: covseg never writes into your input");
        }
        Studies studies = Studies.in(r.input());
        if (studies.batch() && analyzer.userMasks().any()) {
            throw new CovsegException("masks (--infection-mask, --lung-mask, --reference-mask) belong to one study;"
                    + " " + r.input() + " is a folder of studies: analyse the study they belong to on its own");
        }
        if (!studies.batch()) {
            StudyOutputs.checkTarget(r.out());
            Path study = studies.studies().get(0);
            try (ProgressBar bar = bar("analysing", " slices")) {
                analyse(study, r, r.out(), onBar(bar), log);
            }
            return new Summary(List.of(r.out()), Map.of());
        }
        log.printf(Locale.ROOT, "%s: a folder of %d studies%n", r.input(), studies.studies().size());
        List<Path> written = new ArrayList<>();
        Map<Path, String> failures = new LinkedHashMap<>();
        try (ProgressBar bar = bar("studies", " studies")) {
            bar.maxHint(studies.studies().size());
            for (Path study : studies.studies()) {
                try {
                    written.add(analyse(study, r, null, StudyProgress.NONE, log).target());
                } catch (RuntimeException e) {
                    String reason = e instanceof CovsegException ? e.getMessage() : "internal error: " + e;
                    failures.put(study, reason);
                    log.println("FAILED " + study.getFileName() + ": " + reason);
                }
                bar.step();
            }
        }
        log.printf(Locale.ROOT, "%d of %d studies analysed into %s%s%n", written.size(), studies.studies().size(),
                r.out(), failures.isEmpty() ? "" : "; " + failures.size() + " failed: "
                        + String.join(", ", failures.keySet().stream().map(p -> p.getFileName().toString()).toList()));
        return new Summary(written, failures);
    }

    /** A study analysed and written: where, its report, and the scan it was read as. */
    public record Written(Path target, AnalysisReport report, Scan scan) {
    }

    /**
     * Analyses one study into {@code target}, or into {@code out/<study name>} when target is null, telling
     * {@code progress} how it goes.
     */
    public Written analyse(Path study, Request r, Path target, StudyProgress progress, PrintWriter log) {
        long started = System.nanoTime();
        Map<String, Double> readTime = new LinkedHashMap<>();
        progress.stage(StudyProgress.Stage.READING);
        Scan scan = StudyAnalyzer.timed(readTime, "read", () -> Scans.open(study, r.seriesUid(),
                r.orientation(), r.rewindow()));
        Path dir = target != null ? target : r.out().resolve(scan.name());
        StudyOutputs.checkTarget(dir);
        scan.notes().forEach(n -> log.println(scan.name() + ": " + n));
        progress.slices(scan.slices().size());
        progress.stage(StudyProgress.Stage.ANALYSING);
        AnalysedStudy analysed = analyzer.analyze(scan, progress::slicesDone).afterStages(readTime);
        AnalysisReport report;
        try {
            analysed.input().notes().stream().filter(n -> !scan.notes().contains(n))
                    .forEach(n -> log.println(scan.name() + ": " + n));
            progress.stage(StudyProgress.Stage.WRITING);
            report = StudyOutputs.write(analysed, r.covsegVersion(), dir, r.pdf(), started);
        } finally {
            // now, not at a garbage collection that a server or a cohort may not run for a long while
            analysed.grids().stream().map(StudyGrid::probability).filter(Objects::nonNull).forEach(Volume::closeFile);
        }
        log.println(scan.name() + ": " + headline(report) + " -> " + dir.resolve(StudyOutputs.HTML));
        return new Written(dir, report, scan);
    }

    private static StudyProgress onBar(ProgressBar bar) {
        return new StudyProgress() {
            @Override
            public void stage(Stage stage) {
            }

            @Override
            public void slices(int total) {
                bar.maxHint(total);
            }

            @Override
            public void slicesDone(int n) {
                bar.stepBy(n);
            }
        };
    }

    /** The study's result in one line, as {@code covseg analyze} prints it. */
    public static String headline(AnalysisReport report) {
        SeverityReport s = report.severity();
        if (s == null) {
            return report.slices().size() + " images scored one by one (see the report)";
        }
        PercentageOfInfection poi = s.percentageOfInfection();
        Double p = poi.total().any().percent();
        String line = String.format(Locale.ROOT, "infection %s of the lungs (%s %s)",
                p == null ? "n/a" : String.format(Locale.ROOT, "%.1f%%", p), shortNumber(poi.total().any()
                        .infected().value()), poi.unit());
        for (WholeLungScore w : s.wholeLungScores()) {
            if (w.applicable()) {
                line += ", " + w.name() + " " + w.reading();
            }
        }
        if (report.detection().probability() != null) {
            line += String.format(Locale.ROOT, ", COVID-19 detection probability %.2f",
                    report.detection().probability());
        }
        return line;
    }

    private static String shortNumber(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }

    private static ProgressBar bar(String task, String unit) {
        return Progress.onStderr(task).setUnit(unit, 1).build();
    }
}
