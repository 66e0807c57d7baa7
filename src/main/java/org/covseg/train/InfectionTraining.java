package org.covseg.train;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.covseg.model.ModelDir;
import org.covseg.model.ModelSpec;
import org.covseg.nn.Bilinear;
import org.covseg.nn.NetworkSize;
import org.covseg.nn.SegmentationArchitecture;

/**
 * Trains a single-class infection network (Inf-Net, U-Net or COVID-SegNet: {@link SegmentationArchitecture}) on a labeled dataset, end to end: split, prepare slices, initialise
 * (optionally from given weights), run the {@link Trainer} in the run directory, and export the best epoch as a
 * model directory ({@code <run>/model}). The split, init and export steps are {@link TrainingRun}'s.
 */
public final class InfectionTraining {

    /**
     * Everything a training run is made of.
     *
     * @param network      the width and input size (multiples of 32 suit every architecture)
     * @param architecture which network is trained
     */
    public record Request(Path data, Path runDirectory, double validationFraction, List<String> validationNames,
                          NetworkSize network, TrainingOptions options, BceWeighting bceWeighting, Path init,
                          int threads, boolean resume, String modelName, String command,
                          SegmentationArchitecture architecture) {

        /** An Inf-Net run. */
        public Request(Path data, Path runDirectory, double validationFraction, List<String> validationNames,
                NetworkSize network, TrainingOptions options, BceWeighting bceWeighting, Path init, int threads,
                boolean resume, String modelName, String command) {
            this(data, runDirectory, validationFraction, validationNames, network, options, bceWeighting, init,
                    threads, resume, modelName, command, SegmentationArchitecture.INFNET);
        }
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

        ModelSpec spec = spec(r, trainingInfo(r, dataset, split), Map.of());
        int size = r.options().trainSize();
        TrainingSet train = AugmentedTrainingSet.of(
                new SliceTrainingSet(dataset.select(split.train()).loadAll(), spec, size),
                r.options().augmentation(), r.options().seed());
        log.println("training-time augmentation: " + r.options().augmentation().describe());
        SliceTrainingSet validation = split.validation().isEmpty() ? null
                : new SliceTrainingSet(dataset.select(split.validation()).loadAll(), spec, size);

        SegmentationArchitecture architecture = r.architecture();
        try (NDManager manager = Numerics.newManager()) {
            Block net = architecture.build(r.network().width(), size);
            if (r.init() != null && !r.resume()) {
                requireArchitecture(r.init(), architecture);
            }
            TrainingRun.initialise(net, architecture.inputShape(1, size), architecture.outputLayers(), manager,
                    r.init(), r.resume(), log);
            Trainer trainer = new Trainer(net, manager, objective(architecture, r.bceWeighting()),
                    (x, h, w) -> Bilinear.resize(x, h, w, true), r.options(), r.runDirectory());
            if (!TrainingRun.fit(trainer, train, validation, new SegmentationValidator(), r.resume(), log)) {
                return null;
            }
            return export(trainer, net, manager, spec, r, log);
        }
    }

    /** The loss of a single-class infection network of {@code architecture}. */
    static Objective objective(SegmentationArchitecture architecture, BceWeighting bceWeighting) {
        return architecture == SegmentationArchitecture.INFNET ? new InfNetObjective(bceWeighting)
                : new SingleMapObjective(bceWeighting);
    }

    private static ModelSpec spec(Request r, Map<String, Object> training, Map<String, Object> validation) {
        return ModelSpec.infection(r.modelName(), r.architecture(), r.network().width(), r.network().inputSize(),
                training, validation);
    }

    /** A model folder given to {@code --init} must hold the architecture being trained. */
    private static void requireArchitecture(Path init, SegmentationArchitecture architecture) {
        if (!Files.isDirectory(init)) {
            return;
        }
        String found = ModelDir.readSpec(init).architecture();
        if (!architecture.modelName().equals(found)) {
            String option = SegmentationArchitecture.ofModelName(found).map(a -> "; train it with --arch "
                    + a.option()).orElse("");
            throw new CovsegException("--init " + init + " holds a " + found + " network, not "
                    + architecture.modelName() + option);
        }
    }

    private static Map<String, Object> trainingInfo(Request r, SliceDataset<LabeledSlice> dataset, Split split) {
        Map<String, Object> info = TrainingRun.trainingInfo(r.command(), dataset.description(), split, r.options(),
                r.init());
        info.put("bceWeighting", r.bceWeighting().name());
        PseudoLabelManifest.read(r.data()).ifPresent(m -> info.put("pseudoLabels", m));
        return info;
    }

    private static Path export(Trainer trainer, Block net, NDManager manager, ModelSpec spec, Request r,
            PrintWriter log) throws IOException {
        TrainingRun.Exported best = TrainingRun.best(trainer, net, manager, spec.training());
        ModelSpec done = spec(r, best.training(), best.validation());
        Path modelDir = r.runDirectory().resolve("model");
        ModelDir.save(modelDir, done, net);
        log.println("model (" + best.checkpoint() + " epoch " + best.epoch() + ") written to " + modelDir);
        return modelDir;
    }
}
