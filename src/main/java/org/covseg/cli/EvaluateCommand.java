package org.covseg.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.covseg.CovsegException;
import org.covseg.Progress;
import org.covseg.data.Datasets;
import org.covseg.data.LabeledSlice;
import org.covseg.data.SliceDataset;
import org.covseg.data.Splits;
import org.covseg.detect.DetectionEvaluation;
import org.covseg.engine.EngineSetup;
import org.covseg.evaluation.Backgrounds;
import org.covseg.evaluation.EvaluationResult;
import org.covseg.evaluation.EvaluationRun;
import org.covseg.evaluation.FolderPairs;
import org.covseg.evaluation.ModelPredictions;
import org.covseg.evaluation.PredictionFolders;
import org.covseg.evaluation.PredictionPair;
import org.covseg.model.ModelDir;
import org.covseg.model.ModelSpec;
import org.covseg.report.DetectionReport;
import org.covseg.report.EvaluationInputs;
import org.covseg.report.EvaluationReport;
import org.covseg.report.EvaluationTable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Scores saved probability maps (8-bit grey PNGs, 255 = 1) against ground truth: the Inf-Net paper's"
                + " table (meanDic meanSen meanSpe Sm meanEm MAE, computed as the official MATLAB tool does), plus"
                + " Dice and IoU at a threshold and HD95 in pixels. Writes metrics.json, per_image.csv,"
                + " gallery.png (worst and best cases with contours) and dice.png (per-image Dice chart).",
            "Under the table, each class's meanDic with its 95%% percentile-bootstrap interval over the images ("
                + EvaluationRun.BOOTSTRAP_RESAMPLES + " resamples, seed " + EvaluationRun.BOOTSTRAP_SEED + "),"
                + " also for meanDic over the images whose truth is not empty; metrics.json has them in each"
                + " class's \"intervals\".",
            "",
            "Pairing: by file base name (3.png matches 3.jpg). Files without a partner are listed on stderr and"
                + " skipped (with --strict they are an error); no pair at all is an error.",
            "Ground truth: foreground > 128, or > 0 when the mask's largest value is 1 (0/1 masks).",
            "Size: a prediction of another size than its ground truth is resized to it (bilinear,"
                + " align_corners=false, as the official test script's F.upsample) and rounded back to 8-bit levels.",
            "--model <dir> --data <dataset>: runs the model over a labeled dataset (any layout covseg reads) and"
                + " evaluates its maps at each slice's own size; --split <split.json> keeps only the validation"
                + " slices of a training run.",
            "A detection model (covseg train --task detect) with --model --data <UCSD COVID-CT folder> [--split"
                + " <split.json>]: AUC, accuracy, F1, sensitivity and specificity at --threshold, each with a 95%%"
                + " percentile-bootstrap interval (2,000 resamples of whole sources, seed 1); writes detection.json,"
                + " detection.md, roc.png and predictions.csv.",
            "--classes: predictions <name>_ggo.png and <name>_consolidation.png against label maps <name>.png"
                + " (1 ground-glass opacity, 2 consolidation), or against binary masks <name>.png in ggo/ and"
                + " consolidation/ sub-folders of --gt; one table row and one gallery/chart per class.",
            "A multiclass --model is always evaluated per class, on a dataset of label maps (e.g. COVID-SemiSeg"
                + " MultiClassInfection-Train); --classes may be given with it.",
            "--labels (with --classes, or a multiclass --model): scores each class of the predicted label maps"
                + " <name>_labels.png (0 background, 1 ground-glass opacity, 2 consolidation, the most probable"
                + " class, as covseg segment writes them) instead of the probability maps: the official multi-class"
                + " test script saves such a map and splits it per class, so the published multi-class Dice values"
                + " are of these binary maps.",
            ""})
final class EvaluateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--pred", paramLabel = "<dir>", description = "Folder of predicted maps.")
    Path predictions;

    @Option(names = "--gt", paramLabel = "<dir>",
            description = "Folder of ground-truth masks (or label maps, or ggo/ and consolidation/ with --classes).")
    Path truth;

    @Option(names = "--out", paramLabel = "<dir>",
            description = "Output folder (default: next to the prediction folder, named after it: "
                    + "<pred>-evaluation).")
    Path out;

    @Option(names = "--model", paramLabel = "<dir>", description = "Model to run instead of --pred (with --data).")
    Path model;

    @Option(names = "--data", paramLabel = "<dir>", description = "Labeled dataset to run --model on.")
    Path data;

    @Option(names = "--split", paramLabel = "<split.json>",
            description = "With --model: evaluate only the validation slices of this training split.")
    Path split;

    @Option(names = "--images", paramLabel = "<dir>",
            description = "Folder of the CT slices (same base names) to show under the contours in the gallery;"
                    + " without it the gallery shows the probability map in grey.")
    Path images;

    @Option(names = "--classes", description = "Per-class evaluation of ground-glass opacity and consolidation.")
    boolean classes;

    @Option(names = "--labels", description = "Per-class evaluation of label maps <name>_labels.png (the most"
            + " probable class), as the published multi-class numbers were made.")
    boolean labels;

    @Option(names = "--strict", description = "Fail when a prediction or a ground truth has no partner.")
    boolean strict;

    @Option(names = "--threshold", paramLabel = "<p>", defaultValue = "0.5",
            description = "Probability at or above which a pixel is predicted, for Dice, IoU, HD95 and the gallery"
                    + " (default: ${DEFAULT-VALUE}); the protocol columns use all 256 thresholds.")
    double threshold;

    @Option(names = "--threads", defaultValue = "2",
            description = "CPU threads for running --model (default: ${DEFAULT-VALUE}).")
    int threads;

    @Override
    public Integer call() {
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--threshold must lie in [0, 1], got " + threshold);
        }
        if (threads < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1, got "
                    + threads);
        }
        if (model != null || data != null) {
            return evaluateModel();
        }
        if (predictions == null || truth == null) {
            throw new CovsegException("give --pred <dir> --gt <dir>, or --model <dir> --data <dataset>");
        }
        Path outDir = outputFolder();
        PrintWriter err = spec.commandLine().getErr();
        Set<String> withoutImage = new HashSet<>();
        Backgrounds backgrounds = images == null ? Backgrounds.NONE : Backgrounds.fromFolder(images, name -> {
            if (withoutImage.add(name)) {
                err.println("covseg: warning: no image named " + name + " in " + images
                        + "; the gallery shows its probability map instead");
            }
        });
        if (labels && !classes) {
            throw new CovsegException("--labels scores label maps per class; give it with --classes");
        }
        FolderPairs pairs = labels ? PredictionFolders.classLabels(predictions, truth)
                : classes ? PredictionFolders.classes(predictions, truth)
                : PredictionFolders.binary(predictions, truth);
        if (strict) {
            pairs.requireComplete();
        }
        pairs.warnings().forEach(w -> err.println("covseg: warning: " + w));

        EvaluationResult result = new EvaluationRun(threshold).evaluate(withProgress(pairs));
        warnAboutEmptyTruth(result, err);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println(String.format(Locale.ROOT, "evaluated %d prediction/ground-truth pair(s)%s", result.pairs(),
                result.resized() == 0 ? "" : String.format(Locale.ROOT,
                        "; %d prediction(s) resized to their ground truth's size", result.resized())));
        EvaluationTable.lines(result).forEach(stdout::println);
        List<Path> written = EvaluationReport.write(outDir, result,
                EvaluationInputs.of(labels ? "class labels" : classes ? "classes" : "binary", pairs, images),
                backgrounds);
        printWritten(stdout, outDir, written);
        return 0;
    }

    private Integer evaluateModel() {
        if (model == null || data == null || predictions != null || truth != null) {
            throw new CovsegException("--model and --data go together, without --pred or --gt");
        }
        if (out == null) {
            throw new CovsegException("give --out <dir> for the evaluation of a model");
        }
        ModelSpec modelSpec = ModelDir.readSpec(model);
        EngineSetup.threads(threads);
        if (ModelSpec.DETECT.equals(modelSpec.task())) {
            return evaluateDetector();
        }
        if ((classes || labels) && !modelSpec.isMulticlass()) {
            throw new CovsegException((labels ? "--labels" : "--classes") + " needs a multiclass model; " + model
                    + " is a single-class infection model");
        }
        SliceDataset<LabeledSlice> dataset = Datasets.open(data);
        if (split != null) {
            dataset = dataset.select(Splits.read(split).validation());
        }
        ModelPredictions predicted;
        try (ProgressBar bar = Progress.onStderr("segmenting").setInitialMax(dataset.size()).build()) {
            predicted = ModelPredictions.of(model, dataset,
                    labels ? ModelPredictions.ClassMaps.LABELS : ModelPredictions.ClassMaps.PROBABILITIES, 4,
                    bar::stepBy);
        }
        EvaluationResult result = new EvaluationRun(threshold).evaluate(predicted.pairs());
        warnAboutEmptyTruth(result, spec.commandLine().getErr());
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println(String.format(Locale.ROOT, "evaluated %s on %d slice(s) of %s", model, dataset.size(),
                dataset.description()));
        EvaluationTable.lines(result).forEach(stdout::println);
        List<Path> written = EvaluationReport.write(out.toAbsolutePath().normalize(), result,
                new EvaluationInputs(labels ? "model labels" : "model", modelSources(), dataset.description(),
                        List.of(), List.of()),
                predicted.backgrounds());
        printWritten(stdout, out, written);
        return 0;
    }

    private Integer evaluateDetector() {
        DetectionEvaluation.Result result;
        try (ProgressBar bar = Progress.onStderr("detecting").setInitialMax(0).build()) {
            result = DetectionEvaluation.run(model, data, split, threshold, DetectionEvaluation.BOOTSTRAP,
                    bar::stepBy);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("evaluated " + model + " on " + result.data());
        DetectionReport.markdown(result.metrics(), DetectionEvaluation.BOOTSTRAP).forEach(stdout::println);
        printWritten(stdout, out, DetectionReport.write(out.toAbsolutePath().normalize(), result,
                DetectionEvaluation.BOOTSTRAP, modelSources()));
        return 0;
    }

    private Map<String, String> modelSources() {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("model", model.toAbsolutePath().normalize().toString());
        sources.put("data", data.toAbsolutePath().normalize().toString());
        sources.put("split", split == null ? null : split.toAbsolutePath().normalize().toString());
        return sources;
    }

    private static void warnAboutEmptyTruth(EvaluationResult result, PrintWriter err) {
        for (String className : result.classesWithoutTruth()) {
            err.println("covseg: warning: every ground-truth mask" + (result.singleClass() ? "" : " of " + className)
                    + " is empty, so Dice and sensitivity can only be 0: check that --gt holds the masks you meant"
                    + " (a 0/1/2 label map is read with --classes --labels)");
        }
    }

    private static void printWritten(PrintWriter stdout, Path dir, List<Path> written) {
        stdout.println("wrote " + dir + ": " + written.stream().map(p -> p.getFileName().toString())
                .collect(Collectors.joining(", ")));
    }

    /** The pairs, with a progress bar on stderr when it is a terminal. */
    private static Iterable<PredictionPair> withProgress(FolderPairs pairs) {
        if (System.console() == null) {
            return pairs.read();
        }
        ProgressBarBuilder bar = Progress.onStderr("evaluating").setInitialMax(pairs.pairs().size())
                .setUpdateIntervalMillis(500).clearDisplayOnFinish();
        return () -> ProgressBar.wrap(pairs.read().iterator(), bar);
    }

    private Path outputFolder() {
        Path pred = predictions.toAbsolutePath().normalize();
        Path dir = out != null ? out.toAbsolutePath().normalize()
                : pred.getParent() == null ? null : pred.resolveSibling(pred.getFileName() + "-evaluation");
        if (dir == null) {
            throw new CovsegException("cannot put the evaluation next to " + pred + "; give --out <dir>");
        }
        if (dir.equals(pred) || dir.equals(truth.toAbsolutePath().normalize())) {
            throw new CovsegException("--out " + dir + " is the prediction or ground-truth folder; choose another"
                    + " folder so the reports do not mix with the inputs");
        }
        return dir;
    }
}
