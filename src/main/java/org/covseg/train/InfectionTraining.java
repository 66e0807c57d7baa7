package org.covseg.train;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.covseg.CovsegException;
import org.covseg.data.Datasets;
import org.covseg.data.LabeledSlice;
import org.covseg.data.SliceDataset;
import org.covseg.data.Split;
import org.covseg.data.Splits;
import org.covseg.infer.ModelDir;
import org.covseg.infer.ModelSpec;
import org.covseg.nn.Bilinear;
import org.covseg.nn.InfNet;
import org.covseg.nn.InfNetConfig;
import org.covseg.nn.StateDict;

/**
 * Trains the single-class infection network on a labeled dataset, end to end: split, prepare slices, initialise
 * (optionally from given weights), run the {@link Trainer} in the run directory, and export the best epoch as a
 * model directory ({@code <run>/model}).
 *
 * <p>The split is written to {@code <run>/split.json} and reused on {@code --resume}, so a resumed run validates on
 * the same slices.
 */
public final class InfectionTraining {

    /** Everything a training run is made of. */
    public record Request(Path data, Path runDirectory, double validationFraction, List<String> validationNames,
                          InfNetConfig network, TrainingOptions options, BceWeighting bceWeighting, Path init,
                          int threads, boolean resume, String modelName, String command) {
    }

    private static final String SPLIT_FILE = "split.json";

    private InfectionTraining() {
    }

    /** Runs (or resumes) the training; returns the exported model directory, or null if it was stopped early. */
    public static Path run(Request r, PrintWriter log) throws IOException {
        EngineSetup.threads(r.threads());
        EngineSetup.seed((int) r.options().seed());
        SliceDataset<LabeledSlice> dataset = Datasets.open(r.data());
        Split split = split(r, dataset.names());
        log.printf("%s: %d training and %d validation slices (split in %s)%n", dataset.description(),
                split.train().size(), split.validation().size(), r.runDirectory().resolve(SPLIT_FILE));

        ModelSpec spec = ModelSpec.infection(r.modelName(), r.network(), trainingInfo(r, dataset, split), Map.of());
        int size = r.options().trainSize();
        TrainingSet train = AugmentedTrainingSet.of(
                new SliceTrainingSet(dataset.select(split.train()).loadAll(), spec, size),
                r.options().augmentation(), r.options().seed());
        log.println("training-time augmentation: " + r.options().augmentation().describe());
        SliceTrainingSet validation = split.validation().isEmpty() ? null
                : new SliceTrainingSet(dataset.select(split.validation()).loadAll(), spec, size);

        try (NDManager manager = NDManager.newBaseManager()) {
            InfNet net = new InfNet(r.network());
            net.initialize(manager, DataType.FLOAT32, r.network().inputShape(1));
            if (r.init() != null && !r.resume()) {
                initialise(net, r.init(), log);
            }
            Trainer trainer = new Trainer(net, manager, new InfNetObjective(r.bceWeighting()),
                    (x, h, w) -> Bilinear.resize(x, h, w, true), r.options(), r.runDirectory());
            Trainer.Outcome outcome;
            try (StopSignal.Guard guard = trainer.stopSignal().stopOnShutdown(Duration.ofMinutes(10))) {
                outcome = trainer.fit(train, validation, new SegmentationValidator(), r.resume());
            }
            if (outcome == Trainer.Outcome.STOPPED) {
                log.println("stopped; continue with the same command and --resume");
                return null;
            }
            return export(trainer, net, manager, spec, r, log);
        }
    }

    private static Split split(Request r, List<String> names) throws IOException {
        Path file = r.runDirectory().resolve(SPLIT_FILE);
        if (r.resume() && Files.exists(file)) {
            return Splits.read(file);
        }
        Split split = r.validationNames().isEmpty()
                ? Splits.byFraction(names, r.validationFraction(), r.options().seed())
                : Splits.byNames(names, r.validationNames());
        if (!r.resume()) {
            Files.createDirectories(r.runDirectory());
            Splits.write(split, file);
        }
        return split;
    }

    /**
     * Loads {@code init}: a model folder, a pre-trained folder (its output layers are missing and keep their fresh
     * initialisation) or an Inf-Net state dict in safetensors.
     */
    private static void initialise(InfNet net, Path init, PrintWriter log) throws IOException {
        if (Files.isDirectory(init)) {
            ModelSpec spec = ModelDir.readSpec(init);
            StateDict weights = spec.isPretrained() ? StateDict.of(net).without(InfNet.OUTPUT_LAYERS)
                    : StateDict.of(net);
            weights.load(init.resolve(spec.weights()));
            log.println("initialised from " + init + (spec.isPretrained()
                    ? " (self-supervised pre-training; the output layers start fresh)" : ""));
            return;
        }
        if (!Files.isRegularFile(init)) {
            throw new CovsegException("--init " + init + " is neither a model folder nor a safetensors file");
        }
        StateDict.of(net).load(init);
        log.println("initialised from " + init);
    }

    private static Map<String, Object> trainingInfo(Request r, SliceDataset<LabeledSlice> dataset, Split split) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("command", r.command());
        info.put("data", dataset.description());
        info.put("trainSlices", split.train().size());
        info.put("validationSlices", split.validation());
        info.put("options", r.options());
        info.put("bceWeighting", r.bceWeighting().name());
        if (r.init() != null) {
            info.put("init", r.init().toString());
        }
        return info;
    }

    private static Path export(Trainer trainer, InfNet net, NDManager manager, ModelSpec spec, Request r,
            PrintWriter log) throws IOException {
        CheckpointStore checkpoints = trainer.checkpoints();
        String source = checkpoints.exists(CheckpointStore.BEST) ? CheckpointStore.BEST : CheckpointStore.LAST;
        TrainingState run = checkpoints.readState(CheckpointStore.LAST);
        checkpoints.loadWeights(source, ModelArrays.all(net), manager);
        Map<String, Object> validation = new LinkedHashMap<>();
        int epoch = run.bestEpoch() != null ? run.bestEpoch() : run.epoch() - 1;
        for (EpochRecord e : run.history()) {
            if (e.epoch() == epoch) {
                validation.put("epoch", epoch);
                validation.put("loss", e.validationLoss());
                validation.putAll(e.validation());
            }
        }
        Map<String, Object> training = new LinkedHashMap<>(spec.training());
        training.put("epochsRun", run.history().size());
        training.put("seconds", Math.round(run.history().stream().mapToDouble(EpochRecord::seconds).sum()));
        ModelSpec done = ModelSpec.infection(spec.name(), r.network(), training, validation);
        Path modelDir = r.runDirectory().resolve("model");
        ModelDir.save(modelDir, done, net);
        log.println("model (" + source + " epoch " + epoch + ") written to " + modelDir);
        return modelDir;
    }
}
