package org.covseg.train;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.covseg.data.Datasets;
import org.covseg.data.LabeledSlice;
import org.covseg.data.SliceDataset;
import org.covseg.data.Split;
import org.covseg.infer.ModelDir;
import org.covseg.infer.ModelSpec;
import org.covseg.nn.Bilinear;
import org.covseg.nn.InfNet;
import org.covseg.nn.InfNetConfig;

/**
 * Trains the single-class infection network on a labeled dataset, end to end: split, prepare slices, initialise
 * (optionally from given weights), run the {@link Trainer} in the run directory, and export the best epoch as a
 * model directory ({@code <run>/model}). The split, init and export steps are {@link TrainingRun}'s.
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
        Split split = TrainingRun.split(r.runDirectory(), r.resume(), dataset.names(), r.validationNames(),
                r.validationFraction(), r.options().seed());
        log.printf("%s: %d training and %d validation slices (split in %s)%n", dataset.description(),
                split.train().size(), split.validation().size(), r.runDirectory().resolve(TrainingRun.SPLIT_FILE));

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
            TrainingRun.initialise(net, r.network().inputShape(1), manager, r.init(), r.resume(), log);
            Trainer trainer = new Trainer(net, manager, new InfNetObjective(r.bceWeighting()),
                    (x, h, w) -> Bilinear.resize(x, h, w, true), r.options(), r.runDirectory());
            if (!TrainingRun.fit(trainer, train, validation, new SegmentationValidator(), r.resume(), log)) {
                return null;
            }
            return export(trainer, net, manager, spec, r, log);
        }
    }

    private static Map<String, Object> trainingInfo(Request r, SliceDataset<LabeledSlice> dataset, Split split) {
        Map<String, Object> info = TrainingRun.trainingInfo(r.command(), dataset.description(), split, r.options(),
                r.init());
        info.put("bceWeighting", r.bceWeighting().name());
        return info;
    }

    private static Path export(Trainer trainer, InfNet net, NDManager manager, ModelSpec spec, Request r,
            PrintWriter log) throws IOException {
        TrainingRun.Exported best = TrainingRun.best(trainer, net, manager, spec.training());
        ModelSpec done = ModelSpec.infection(spec.name(), r.network(), best.training(), best.validation());
        Path modelDir = r.runDirectory().resolve("model");
        ModelDir.save(modelDir, done, net);
        log.println("model (" + best.checkpoint() + " epoch " + best.epoch() + ") written to " + modelDir);
        return modelDir;
    }
}
