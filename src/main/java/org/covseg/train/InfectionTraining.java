package org.covseg.train;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    private InfectionTraining() {
    }

    /** Runs (or resumes) the training; returns the exported model directory, or null if it was stopped early. */
    public static Path run(Request r, PrintWriter log) throws IOException {
        EngineSetup.threads(r.threads());
        EngineSetup.seed((int) r.options().seed());
        SliceDataset<LabeledSlice> dataset = Datasets.open(r.data());
        Split split = split(r, dataset.names());
        log.printf("%s: %d training and %d validation slices (split in %s)%n", dataset.description(),
                split.train().size(), split.validation().size(), r.runDirectory().resolve(RunSplit.FILE));

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
                InitWeights.loadInfNet(net, r.init(), log);
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
        return RunSplit.readOrMake(r.runDirectory(), r.resume(), () -> r.validationNames().isEmpty()
                ? Splits.byFraction(names, r.validationFraction(), r.options().seed())
                : Splits.byNames(names, r.validationNames()));
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
        ExportedEpoch exported = ExportedEpoch.load(trainer.checkpoints(), net, manager, spec.training());
        ModelSpec done = ModelSpec.infection(spec.name(), r.network(), exported.training(), exported.validation());
        Path modelDir = r.runDirectory().resolve("model");
        ModelDir.save(modelDir, done, net);
        log.println("model (" + exported.checkpoint() + " epoch " + exported.epoch() + ") written to " + modelDir);
        return modelDir;
    }
}
