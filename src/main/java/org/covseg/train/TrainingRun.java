package org.covseg.train;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.covseg.CovsegException;
import org.covseg.data.Split;
import org.covseg.data.Splits;
import org.covseg.engine.Numerics;
import org.covseg.model.ModelDir;
import org.covseg.nn.StateDict;

/**
 * What the trainings of each task share around the {@link Trainer}: the run's split file, {@code --init} weights,
 * fitting with Ctrl-C handling, and taking the best epoch's weights and records for export.
 *
 * <p>The split is written to {@code <run>/split.json} and reused on {@code --resume}, so a resumed run validates on
 * the same slices.
 */
public final class TrainingRun {

    public static final String SPLIT_FILE = "split.json";

    /** The weights chosen for export and what the model's {@code model.json} records about them. */
    public record Exported(String checkpoint, int epoch, Map<String, Object> training, Map<String, Object> validation) {
    }

    private TrainingRun() {
    }

    /**
     * The run's split: read back on resume; otherwise by the given validation names, or else by fraction, and
     * written to the run directory.
     */
    public static Split split(Path runDirectory, boolean resume, List<String> names, List<String> validationNames,
            double validationFraction, long seed) throws IOException {
        return split(runDirectory, resume, () -> validationNames.isEmpty()
                ? Splits.byFraction(names, validationFraction, seed)
                : Splits.byNames(names, validationNames));
    }

    /** The run's split: read back on resume, otherwise made by {@code make} and written to the run directory. */
    public static Split split(Path runDirectory, boolean resume, Supplier<Split> make) throws IOException {
        Path file = runDirectory.resolve(SPLIT_FILE);
        if (resume && Files.exists(file)) {
            return Splits.read(file);
        }
        Split split = make.get();
        if (!resume) {
            Files.createDirectories(runDirectory);
            Splits.write(split, file);
        }
        return split;
    }

    /** What {@code model.json} records about how any model was trained; each task adds its own entries. */
    public static Map<String, Object> trainingInfo(String command, String data, Split split, TrainingOptions options,
            Path init) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("command", command);
        info.put("data", data);
        info.put("trainSlices", split.train().size());
        info.put("validationSlices", split.validation());
        info.put("options", options);
        if (init != null) {
            info.put("init", init.toString());
        }
        return info;
    }

    /**
     * Initialises a new network for {@code inputShape}, then, unless resuming (the checkpoint will bring the
     * weights), loads the {@code --init} weights if given. A self-supervised pre-trained folder lacks the
     * network's {@code outputLayers} (its heads' last layers): they keep their fresh initialisation.
     */
    static void initialise(Block net, Shape inputShape, Collection<String> outputLayers, NDManager manager,
            Path init, boolean resume, PrintWriter log) throws IOException {
        net.initialize(manager, DataType.FLOAT32, inputShape);
        if (init != null && !resume) {
            boolean pretrained = Files.isDirectory(init) && ModelDir.readSpec(init).isPretrained();
            StateDict weights = pretrained ? StateDict.of(net).without(outputLayers) : StateDict.of(net);
            weights.load(initWeights(init));
            log.println("initialised from " + init
                    + (pretrained ? " (self-supervised pre-training; the output layers start fresh)" : ""));
        }
    }

    /** Where model.json's validation numbers come from, unlike docs' and cards' (original resolution). */
    static final String MEASURED_AT = "the run's validation images at the network's input size (inputSize), as"
            + " training sees them; for segmentation covseg evaluate scores each slice at its original size instead,"
            + " so its numbers differ slightly";

    /** The safetensors file of {@code --init}: a model folder's weights, or the file itself. */
    static Path initWeights(Path init) {
        if (Files.isDirectory(init)) {
            return ModelDir.weightsFile(init, ModelDir.readSpec(init));
        }
        if (!Files.isRegularFile(init)) {
            throw new CovsegException("--init " + init + " is neither a model folder nor a safetensors file");
        }
        return init;
    }

    /** Fits with Ctrl-C saving a checkpoint; true if all epochs are done, false (after saying so) if stopped. */
    public static boolean fit(Trainer trainer, TrainingSet train, TrainingSet validation, Validator validator,
            boolean resume, PrintWriter log) throws IOException {
        Trainer.Outcome outcome;
        try (StopSignal.Guard guard = trainer.stopSignal().stopOnShutdown(Duration.ofMinutes(10))) {
            outcome = trainer.fit(train, validation, validator, resume);
        }
        if (outcome == Trainer.Outcome.STOPPED) {
            log.println("stopped; continue with the same command and --resume");
            return false;
        }
        return true;
    }

    /**
     * Loads the best checkpoint (the last if no epoch was validated) into {@code net} and returns its epoch,
     * {@code training} completed with the epochs run and seconds spent, and the epoch's validation record.
     */
    public static Exported best(Trainer trainer, Block net, NDManager manager, Map<String, Object> training)
            throws IOException {
        CheckpointStore checkpoints = trainer.checkpoints();
        String source = checkpoints.exists(CheckpointStore.BEST) ? CheckpointStore.BEST : CheckpointStore.LAST;
        TrainingState run = checkpoints.readState(CheckpointStore.LAST);
        checkpoints.loadWeights(source, ModelArrays.all(net), manager);
        Map<String, Object> validation = new LinkedHashMap<>();
        int epoch = run.bestEpoch() != null ? run.bestEpoch() : run.epoch() - 1;
        for (EpochRecord e : run.history()) {
            if (e.epoch() == epoch) {
                validation.put("measuredAt", MEASURED_AT);
                validation.put("epoch", epoch);
                validation.put("loss", e.validationLoss());
                validation.putAll(e.validation());
            }
        }
        Map<String, Object> done = new LinkedHashMap<>(training);
        done.put("epochsRun", run.history().size());
        done.put("seconds", Math.round(run.history().stream().mapToDouble(EpochRecord::seconds).sum()));
        done.put("numerics", Numerics.ensure().name());
        return new Exported(source, epoch, done, validation);
    }
}
