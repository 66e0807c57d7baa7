package org.covseg.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.covseg.CovsegException;
import org.covseg.engine.Numerics;
import org.covseg.image.Volume;
import org.covseg.image.Window;
import org.covseg.infer.SegmentationWriter;
import org.covseg.io.AtomicFiles;
import org.covseg.io.NiftiDatatype;
import org.covseg.io.NiftiWriter;
import org.covseg.io.SliceImageWriter;
import org.covseg.io.StagedFolder;
import org.covseg.report.AnalysisHtml;
import org.covseg.report.AnalysisJson;
import org.covseg.report.AnalysisPdf;
import org.covseg.report.AnalysisReport;
import org.covseg.report.KeySlice;
import org.covseg.report.NumericsInfo;
import org.covseg.report.OverviewSheet;
import org.covseg.report.SliceResult;
import org.covseg.severity.InfectionLabels;

/**
 * Writes one analysed study into a folder: {@value #JSON}, {@value #HTML}, on request {@value #PDF}, and the masks
 * (volumes: NIfTI in the scan's own voxel order and geometry; 2-D images: PNGs in the images' pixel order): the lung
 * mask scored against, the infection mask unless the user gave it and, when covseg split the infection into
 * ground-glass opacity and consolidation, the label mask {@code <name>_labels} (uint8: 0 none, 1 ground-glass,
 * 2 consolidation). Everything is written into a
 * hidden temporary folder beside the target, which is renamed to the target only when complete: an interrupted or
 * failed run leaves no folder that looks finished.
 */
public final class StudyOutputs {

    public static final String JSON = "report.json";
    public static final String HTML = "report.html";
    public static final String PDF = "report.pdf";
    /** A volume's {@link OverviewSheet}. */
    public static final String OVERVIEW = "overview.png";
    /** Slices shown in the HTML report: those with the largest infected amounts. */
    static final int KEY_SLICES = 4;

    private StudyOutputs() {
    }

    /** Refuses a target that already holds something, before any work is done. */
    public static void checkTarget(Path target) {
        if (Files.isDirectory(target)) {
            try (Stream<Path> s = Files.list(target)) {
                if (s.findAny().isEmpty()) {
                    return;
                }
            } catch (IOException e) {
                throw new CovsegException("cannot list " + target + ": " + e.getMessage(), e);
            }
        }
        if (Files.exists(target)) {
            throw new CovsegException(target + " already exists and is not empty; choose another --out or remove it");
        }
    }

    /**
     * Refuses, before any work, a target covseg could not create: the nearest existing folder above it must be a
     * folder this user may write to.
     */
    public static void checkWritable(Path target) {
        Path existing = target.toAbsolutePath().normalize();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return;
        }
        if (!Files.isDirectory(existing)) {
            throw new CovsegException("cannot write " + target + ": " + existing + " is a file, not a folder;"
                    + " choose another --out");
        }
        if (!Files.isWritable(existing)) {
            throw new CovsegException("cannot write " + target + ": this user may not write to " + existing
                    + "; choose another --out");
        }
    }

    /**
     * Writes the study's outputs into {@code target} (absent or empty) and returns the report written.
     *
     * @param pdf          whether to write {@value #PDF} too
     * @param startedNanos {@link System#nanoTime()} when the analysis began (before reading the input)
     */
    public static AnalysisReport write(AnalysedStudy study, String covsegVersion, Path target, boolean pdf,
            long startedNanos) {
        checkTarget(target);
        return StagedFolder.write(target, tmp -> {
            Map<String, Double> timings = new LinkedHashMap<>(study.timingsSeconds());
            StudyAnalyzer.timed(timings, "masks", () -> writeMasks(study, tmp));
            double wallSeconds = (System.nanoTime() - startedNanos) / 1e9;
            AnalysisReport report = new AnalysisReport(AnalysisReport.SCHEMA_VERSION, AnalysisReport.DISCLAIMER,
                    covsegVersion, study.input(), study.models(),
                    study.models().isEmpty() ? null : NumericsInfo.of(Numerics.ensure()), study.masks(),
                    study.threshold(),
                    study.infectionClasses(), study.approximations(), study.severity(), study.detection(),
                    study.agreement(), study.slices(), timings, wallSeconds);
            List<KeySlice> keySlices = keySlices(study);
            OverviewSheet.Sheet overview = overview(study, tmp.resolve(OVERVIEW));
            AnalysisHtml.write(tmp.resolve(HTML), report, keySlices, overview, study.scan().name());
            if (pdf) {
                AnalysisPdf.write(tmp.resolve(PDF), report, keySlices, overview, study.scan().name());
            }
            AnalysisJson.write(tmp.resolve(JSON), report);
            return report;
        });
    }

    /** A volume's {@link OverviewSheet}, written to {@code file}; null for 2-D images. */
    private static OverviewSheet.Sheet overview(AnalysedStudy study, Path file) {
        if (!study.scan().isVolume()) {
            return null;
        }
        StudyGrid grid = study.grids().get(0);
        OverviewSheet.Sheet sheet = OverviewSheet.of(grid.ct(), grid.lungs(), grid.infection(),
                study.infectionLabels() == InfectionLabels.GROUND_GLASS_AND_CONSOLIDATION);
        try {
            AtomicFiles.write(file, out -> out.write(sheet.png()));
        } catch (IOException e) {
            throw new CovsegException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return sheet;
    }

    /**
     * The lung mask scored against and, when covseg made it, the infection mask (the user has their own). The
     * infection's files, whose probability volume is most of the writing, go on this thread while the label masks go
     * on another: compressing them is what takes the time, and there are cores for both.
     */
    private static List<Path> writeMasks(AnalysedStudy study, Path dir) {
        // the folder is discarded on failure, so closing waits until the other thread is done with it
        try (BesideTask<List<Path>> labelMasks = BesideTask.start("covseg-mask-writer",
                () -> writeLabelMasks(study, dir))) {
            List<Path> written = new ArrayList<>();
            if (study.threshold() != null) {
                written.addAll(SegmentationWriter.write(study.scan(),
                        study.grids().stream().map(StudyGrid::probability).toList(), study.threshold(),
                        study.scan().orientation(), dir));
            }
            written.addAll(labelMasks.result());
            return written;
        }
    }

    private static List<Path> writeLabelMasks(AnalysedStudy study, Path dir) {
        List<Path> written = new ArrayList<>();
        if (study.classesSplitHere()) {
            written.addAll(writeLabels(study, dir));
        }
        if (study.scan().isVolume()) {
            Path lungs = dir.resolve(study.scan().name() + "_lungs.nii.gz");
            NiftiWriter.write(study.grids().get(0).lungs(), lungs, NiftiDatatype.UINT8);
            written.add(lungs);
        } else {
            for (int s = 0; s < study.grids().size(); s++) {
                Path lungs = dir.resolve(study.scan().imageName(s) + "_lungs.png");
                SliceImageWriter.writeLabels(lungs, study.grids().get(s).lungs(), study.scan().orientation());
                written.add(lungs);
            }
        }
        return written;
    }

    /** The ground-glass / consolidation label mask covseg made, as {@code segment} names it. */
    private static List<Path> writeLabels(AnalysedStudy study, Path dir) {
        if (study.scan().isVolume()) {
            Path labels = dir.resolve(study.scan().name() + "_labels.nii.gz");
            NiftiWriter.write(study.grids().get(0).infection(), labels, NiftiDatatype.UINT8);
            return List.of(labels);
        }
        List<Path> written = new ArrayList<>();
        for (int s = 0; s < study.grids().size(); s++) {
            Path labels = dir.resolve(study.scan().imageName(s) + "_labels.png");
            SliceImageWriter.writeLabels(labels, study.grids().get(s).infection(), study.scan().orientation());
            written.add(labels);
        }
        return written;
    }

    /** The slices with the largest infected amounts (ties: larger lung first), shown in slice order. */
    static List<KeySlice> keySlices(AnalysedStudy study) {
        List<SliceResult> slices = study.slices();
        List<Integer> chosen = java.util.stream.IntStream.range(0, slices.size()).boxed()
                .sorted(Comparator.comparingDouble((Integer s) -> -slices.get(s).infected())
                        .thenComparingDouble(s -> -slices.get(s).lung())
                        .thenComparingInt(s -> s))
                .limit(KEY_SLICES)
                .sorted()
                .toList();
        List<KeySlice> out = new ArrayList<>();
        for (int s : chosen) {
            boolean volume = study.scan().isVolume() || study.grids().size() == 1;
            StudyGrid g = volume ? study.grids().get(0) : study.grids().get(s);
            int k = volume ? s : 0;
            SliceResult r = slices.get(s);
            String caption = String.format(java.util.Locale.ROOT, "%s: infected %.3g %s (%s of lung)", r.name(),
                    r.infected(), r.unit(), r.infectedPercent() == null ? "no lung"
                            : String.format(java.util.Locale.ROOT, "%.1f%%", r.infectedPercent()));
            Volume grey = Window.LUNG.apply(g.ct().slice(k));
            out.add(new KeySlice(caption, grey, g.lungs().slice(k), g.infection().slice(k),
                    study.infectionLabels() == InfectionLabels.GROUND_GLASS_AND_CONSOLIDATION));
        }
        return out;
    }
}
