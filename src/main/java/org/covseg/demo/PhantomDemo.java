package org.covseg.demo;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.covseg.analysis.AnalysisJob;
import org.covseg.analysis.AnalysisModels;
import org.covseg.analysis.StudyAnalyzer;
import org.covseg.analysis.UserMasks;
import org.covseg.data.Scan;
import org.covseg.data.ScanDescription;
import org.covseg.data.Scans;
import org.covseg.evaluation.EvaluationResult;
import org.covseg.evaluation.EvaluationRun;
import org.covseg.evaluation.PredictionPair;
import org.covseg.evaluation.TruthMask;
import org.covseg.image.Volume;
import org.covseg.image.Window;
import org.covseg.infer.InfectionSegmenter;
import org.covseg.infer.NetworkBoxes;
import org.covseg.infer.OnBoxes;
import org.covseg.infer.ProbabilityMaps;
import org.covseg.infer.SliceMaps;
import org.covseg.infer.SegmentationWriter;
import org.covseg.io.FileTrees;
import org.covseg.io.NiftiDatatype;
import org.covseg.io.NiftiWriter;
import org.covseg.io.SliceOrientation;
import org.covseg.lungs.LungSegmenter;
import org.covseg.model.DefaultModels;
import org.covseg.phantom.InfectionTruth;
import org.covseg.phantom.Phantom;
import org.covseg.phantom.PhantomConfig;
import org.covseg.report.EvaluationInputs;
import org.covseg.report.EvaluationReport;
import org.covseg.report.EvaluationTable;

/**
 * {@code covseg demo}: makes a synthetic chest CT with known infection, writes it as a user's NIfTI scan would be,
 * reads it back, segments it with the infection model and compares the result with the phantom's truth, leaving
 * every file a person would want to open. A lesion-free phantom is a specificity check: whatever the report calls
 * infection is false, and there is no lesion to compare maps with.
 */
public final class PhantomDemo {

    private PhantomDemo() {
    }

    /**
     * Runs the demo into {@code out}; {@code model} may be null when no model is available. A {@code lesionFree}
     * phantom has the default anatomy and no lesion.
     */
    public static void run(Path out, long seed, boolean lesionFree, Path model, String covsegVersion, PrintWriter w)
            throws java.io.IOException {
        Files.createDirectories(out);
        w.println("1/3 generating a synthetic chest CT phantom (seed " + seed + (lesionFree ? ", no lesions" : "")
                + ")...");
        PhantomConfig.Builder config = PhantomConfig.defaults().toBuilder().seed(seed);
        Phantom phantom = Phantom.generate(lesionFree ? config.lesions(0, 0, 0).build() : config.build());
        Path ct = out.resolve("phantom_ct.nii.gz");
        NiftiWriter.write(phantom.ct(), ct, NiftiDatatype.INT16);
        NiftiWriter.write(phantom.lungs(), out.resolve("phantom_truth_lungs.nii.gz"), NiftiDatatype.UINT8);
        NiftiWriter.write(phantom.infection(), out.resolve("phantom_truth_infection.nii.gz"), NiftiDatatype.UINT8);
        InfectionTruth truth = phantom.truth();
        w.printf(Locale.ROOT, "    true infection: right lung %.1f%%, left lung %.1f%%, total %.1f%%%n",
                truth.right().percentInfected(), truth.left().percentInfected(), truth.percentInfected());

        w.println("2/3 reading it back as a user's scan would be read:");
        Scan scan = Scans.open(ct, null);
        ScanDescription.of(scan).lines().forEach(l -> w.println("    " + l));

        if (model == null) {
            w.println("3/3 skipped: no infection model is installed (models/infection); train one with covseg train");
            w.println("Open " + ct.toAbsolutePath() + " in a NIfTI viewer (ITK-SNAP, 3D Slicer).");
            return;
        }
        w.println("3/3 segmenting the infection with " + model + ", comparing with the phantom's truth, and analysing...");
        Volume volume = scan.volume();
        List<Volume> slices = new ArrayList<>();
        for (int k = 0; k < volume.depth(); k++) {
            slices.add(volume.slice(k));
        }
        ProbabilityMaps.requireRoomFor(scan.volumes());
        List<float[]> maps;
        try (InfectionSegmenter segmenter = InfectionSegmenter.open(model, 4)) {
            maps = OnBoxes.probabilities(slices, NetworkBoxes.ofVolumeSlices(slices), segmenter::predict, n -> { })
                    .all();
        }
        List<Path> written = SegmentationWriter.write(scan, ProbabilityMaps.onGrids(scan.volumes(),
                SliceMaps.of(maps)), 0.5, SliceOrientation.DISPLAY, out);
        Path evaluation = out.resolve("evaluation");
        if (lesionFree) {
            w.println("    no lesions: the maps are not scored against the truth; every voxel the report calls"
                    + " infection is a false positive");
            replacePreviousEvaluation(evaluation);
        } else {
            EvaluationResult result = new EvaluationRun().evaluate(pairs(maps, phantom));
            EvaluationTable.lines(result).forEach(l -> w.println("    " + l));
            EvaluationReport.write(evaluation, result, new EvaluationInputs("model",
                    Map.of("model", model.toString(), "data", ct.toString()), "phantom truth (lung-containing slices)",
                    List.of(), List.of()), name -> Optional.of(Window.LUNG.apply(
                            phantom.ct().slice(Integer.parseInt(name.substring("slice".length()))))));
        }
        Path analysis = out.resolve("analysis");
        replacePreviousDemo(analysis);
        AnalysisModels.Folders folders = new AnalysisModels.Folders(model,
                DefaultModels.installedMulticlass().orElse(null), "no multi-class model installed (models/multiclass)",
                DefaultModels.installedDetector().orElse(null), "no detection model installed (models/detect)");
        try (AnalysisModels models = AnalysisModels.open(folders, 4)) {
            LungSegmenter lungs = new LungSegmenter();
            new AnalysisJob(models.analyzer(lungs, new StudyAnalyzer.Settings(0.5, null), UserMasks.NONE))
                    .run(new AnalysisJob.Request(ct, analysis, null, covsegVersion, true), w);
        }
        w.println("Open:");
        w.println("    " + analysis.resolve("report.html").toAbsolutePath().normalize()
                + "  (the severity report: lungs found by covseg, infection by the model; report.pdf beside it)");
        if (!lesionFree) {
            w.println("    " + evaluation.resolve("gallery.png").toAbsolutePath().normalize()
                    + "  (worst and best slices: truth green, prediction red)");
        }
        for (Path p : written) {
            w.println("    " + p.toAbsolutePath().normalize() + "  (overlay on " + ct.getFileName()
                    + " in ITK-SNAP / 3D Slicer)");
        }
    }

    /** Removes the evaluation of an earlier demo run, whose phantom this one replaced (only a covseg evaluation). */
    private static void replacePreviousEvaluation(Path evaluation) throws java.io.IOException {
        if (Files.isRegularFile(evaluation.resolve("metrics.json"))) {
            FileTrees.delete(evaluation);
        }
    }

    /** Removes the analysis of an earlier demo run (only a folder holding a covseg report). */
    private static void replacePreviousDemo(Path analysis) throws java.io.IOException {
        if (!Files.isRegularFile(analysis.resolve("report.json"))) {
            return;
        }
        FileTrees.delete(analysis);
    }

    /** Per-slice prediction/truth pairs over the slices that contain lung. */
    private static List<PredictionPair> pairs(List<float[]> maps, Phantom phantom) {
        List<PredictionPair> pairs = new ArrayList<>();
        for (int k = 0; k < maps.size(); k++) {
            Phantom slice = phantom.slice(k);
            if (slice.truth().total().lungVoxels() == 0) {
                continue;
            }
            float[] infection = slice.infection().toArray();
            boolean[] t = new boolean[infection.length];
            for (int p = 0; p < t.length; p++) {
                t[p] = infection[p] > 0;
            }
            pairs.add(PredictionPair.ofProbabilities("slice" + k, maps.get(k),
                    new TruthMask(t, slice.ct().width(), slice.ct().height())));
        }
        return pairs;
    }
}
