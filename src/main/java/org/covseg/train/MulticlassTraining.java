package org.covseg.train;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.covseg.CovsegException;
import org.covseg.data.Datasets;
import org.covseg.data.LabeledSlice;
import org.covseg.data.PseudoLabelManifest;
import org.covseg.data.SliceDataset;
import org.covseg.data.Split;
import org.covseg.engine.EngineSetup;
import org.covseg.engine.Numerics;
import org.covseg.infer.InfectionSegmenter;
import org.covseg.model.DefaultModels;
import org.covseg.model.ModelDir;
import org.covseg.model.ModelSpec;
import org.covseg.nn.Bilinear;
import org.covseg.nn.UNet;
import org.covseg.nn.UNetConfig;

/**
 * Trains the multi-class network (ground-glass opacity vs. consolidation) on a dataset of label maps, end to end:
 * split, compute each slice's infection prior once with the single-class model (at the slice's own size), prepare
 * the 6-channel inputs and one-hot targets (augmented as {@link MulticlassTrainingSet} says), run the {@link Trainer} with the official sigmoid + BCE objective, and
 * export the best epoch (by {@link MulticlassValidator#MEAN_CLASS_DICE}) as {@code <run>/model}, recording the prior
 * model it needs. The optimiser is the Trainer's Adam, not the official SGD (lr 1e-2, momentum 0.7).
 *
 * <p>Without explicit validation names, the run validates on the prior model's own validation slices when the
 * dataset holds all of them (COVID-SemiSeg's multi-class set is the same 50 slices as the single-class one), so
 * the validation priors are predictions on unseen slices, as they will be at test time.
 */
public final class MulticlassTraining {

    /** Everything a multi-class training run is made of; a null {@code prior} means the default infection model. */
    public record Request(Path data, Path runDirectory, double validationFraction, List<String> validationNames,
                          UNetConfig network, TrainingOptions options, ClassLoss loss, Path prior, Path init,
                          int threads, boolean resume, String modelName, String command) {
    }

    private static final int PRIOR_BATCH = 4;

    private MulticlassTraining() {
    }

    /** Runs (or resumes) the training; returns the exported model directory, or null if it was stopped early. */
    public static Path run(Request r, PrintWriter log) throws IOException {
        EngineSetup.threads(r.threads());
        EngineSetup.seed((int) r.options().seed());
        Path priorDir = r.prior() != null ? r.prior() : DefaultModels.installedInfection().orElseThrow(
                () -> new CovsegException("no default infection model (models/infection) to compute the prior"
                        + " with; pass --prior <model-dir>"));
        ModelSpec priorSpec = priorSpec(priorDir);
        SliceDataset<LabeledSlice> dataset = Datasets.open(r.data());
        List<String> validationNames = validationNames(r, priorSpec, dataset, log);
        Split split = TrainingRun.split(r.runDirectory(), r.resume(), dataset.names(), validationNames,
                r.validationFraction(), r.options().seed());
        log.printf("%s: %d training and %d validation slices (split in %s)%n", dataset.description(),
                split.train().size(), split.validation().size(), r.runDirectory().resolve(TrainingRun.SPLIT_FILE));
        List<LabeledSlice> trainSlices = dataset.select(split.train()).loadAll();
        List<LabeledSlice> validationSlices = dataset.select(split.validation()).loadAll();
        requireConsolidation(trainSlices, dataset);

        Path modelDir = r.runDirectory().resolve("model");
        ModelSpec.PriorSpec prior = new ModelSpec.PriorSpec(priorSpec.name(), priorSpec.version(),
                priorSpec.weightsSha256(), ModelDir.relativePrior(modelDir, priorDir));
        ModelSpec spec = ModelSpec.multiclass(r.modelName(), r.network(), prior, trainingInfo(r, dataset, split),
                Map.of());
        int size = r.options().trainSize();
        log.printf("computing the infection prior with %s (%s) on %d slices%n", priorSpec.name(), priorDir,
                trainSlices.size() + validationSlices.size());
        MulticlassTrainingSet train;
        MulticlassTrainingSet validation;
        try (InfectionSegmenter segmenter = InfectionSegmenter.openPrior(priorDir, PRIOR_BATCH)) {
            train = new MulticlassTrainingSet(trainSlices, priors(segmenter, trainSlices), spec, size)
                    .augmented(r.options().augmentation(), r.options().seed());
            validation = validationSlices.isEmpty() ? null : new MulticlassTrainingSet(validationSlices,
                    priors(segmenter, validationSlices), spec, size);
        }

        log.println("training-time augmentation: " + r.options().augmentation().describe());
        try (NDManager manager = Numerics.newManager()) {
            UNet net = new UNet(r.network());
            TrainingRun.initialise(net, r.network().inputShape(1), List.of(UNet.HEAD), manager, r.init(), r.resume(), log);
            Trainer trainer = new Trainer(net, manager, new MulticlassObjective(r.loss()),
                    (x, h, w) -> Bilinear.resize(x, h, w, true), r.options(), r.runDirectory());
            if (!TrainingRun.fit(trainer, train, validation, new MulticlassValidator(), r.resume(), log)) {
                return null;
            }
            TrainingRun.Exported best = TrainingRun.best(trainer, net, manager, spec.training());
            ModelSpec done = ModelSpec.multiclass(spec.name(), r.network(), prior, best.training(),
                    best.validation());
            ModelDir.save(modelDir, done, net);
            log.println("model (" + best.checkpoint() + " epoch " + best.epoch() + ") written to " + modelDir);
            return modelDir;
        }
    }

    private static ModelSpec priorSpec(Path priorDir) {
        ModelSpec spec;
        try {
            spec = ModelDir.readSpec(priorDir);
        } catch (CovsegException e) {
            throw new CovsegException("--prior: " + e.getMessage(), e);
        }
        if (spec.isMulticlass()) {
            throw new CovsegException("--prior " + priorDir + " is a multiclass model; the prior must be a"
                    + " single-class infection model");
        }
        return spec;
    }

    private static List<String> validationNames(Request r, ModelSpec priorSpec, SliceDataset<LabeledSlice> dataset,
            PrintWriter log) {
        if (!r.validationNames().isEmpty() || r.resume()) {
            return r.validationNames();
        }
        Object listed = priorSpec.training() == null ? null : priorSpec.training().get("validationSlices");
        if (!(listed instanceof List<?> names) || names.isEmpty()) {
            return List.of();
        }
        List<String> priorValidation = names.stream().map(String::valueOf).toList();
        if (!dataset.names().containsAll(priorValidation)) {
            return List.of();
        }
        log.printf("validating on the prior model's %d validation slices (its priors there are unseen"
                + " predictions); --val overrides%n", priorValidation.size());
        return priorValidation;
    }

    private static void requireConsolidation(List<LabeledSlice> slices, SliceDataset<LabeledSlice> dataset) {
        for (LabeledSlice s : slices) {
            if (s.mask().range()[1] >= 2) {
                return;
            }
        }
        throw new CovsegException("no training mask of " + dataset.description() + " holds label 2"
                + " (consolidation); multiclass training needs label maps 0/1/2 such as"
                + " COVID-SemiSeg's MultiClassInfection-Train");
    }

    private static List<float[]> priors(InfectionSegmenter segmenter, List<LabeledSlice> slices) {
        return new ArrayList<>(segmenter.predict(slices.stream().map(LabeledSlice::image).toList(), n -> { }));
    }

    private static Map<String, Object> trainingInfo(Request r, SliceDataset<LabeledSlice> dataset, Split split) {
        Map<String, Object> info = TrainingRun.trainingInfo(r.command(), dataset.description(), split, r.options(),
                r.init());
        info.put("objective", new MulticlassObjective(r.loss()).describe());
        info.put("optimizer", "Adam (the official code uses SGD lr 1e-2, momentum 0.7)");
        PseudoLabelManifest.read(r.data()).ifPresent(m -> info.put("pseudoLabels", m));
        return info;
    }
}
