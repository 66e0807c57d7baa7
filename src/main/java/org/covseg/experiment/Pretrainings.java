package org.covseg.experiment;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.covseg.model.ModelDir;
import org.covseg.pretrain.Pretraining;
import org.covseg.pretrain.PretrainingPhase;
import org.covseg.pretrain.PretrainingRequest;
import org.covseg.train.CheckpointStore;
import org.covseg.train.EpochRecord;
import org.covseg.train.Trainer;

/**
 * The config's {@code pretrain} blocks, each run once into {@code <out>/pretrain/<name>} when a cell first needs it
 * and reused afterwards (also by later runs of the experiment); an interrupted one resumes.
 */
final class Pretrainings {

    static final String FOLDER = "pretrain";

    private final ExperimentConfig config;
    private final String command;
    private final PrintWriter log;

    Pretrainings(ExperimentConfig config, String command, PrintWriter log) {
        this.config = config;
        this.command = command;
        this.log = log;
    }

    /** The pre-trained folder of the named block, made now if needed; null if it was stopped. */
    Path model(String name) throws IOException {
        PretrainBlock block = config.pretrain().get(name);
        Path dir = directory(name);
        Files.createDirectories(dir);
        Fingerprint.check(dir.resolve("block.json"), Fingerprint.json(block), PretrainBlock.RECORDED_DEFAULTS,
                "pretrain '" + name + "'");
        Path model = dir.resolve("model");
        if (Files.exists(model.resolve(ModelDir.SPEC_FILE))) {
            return model;
        }
        PretrainingRequest first = block.request(dir, config.seed(), false, command);
        boolean resume = Files.isDirectory(dir.resolve(first.phases().get(0).name()));
        log.printf("pretrain '%s': %s %s%n", name, resume ? "resuming in" : "running into", dir);
        return Pretraining.run(block.request(dir, config.seed(), resume, command + " (pretrain " + name + ")"), log);
    }

    /** The seconds the named block's training epochs took so far, over all its phases; 0 if none ran. */
    double seconds(String name) throws IOException {
        PretrainBlock block = config.pretrain().get(name);
        double seconds = 0;
        for (PretrainingPhase phase : block.request(directory(name), 0, false, command).phases()) {
            CheckpointStore checkpoints = Trainer.checkpointsOf(directory(name).resolve(phase.name()));
            if (checkpoints.exists(CheckpointStore.LAST)) {
                seconds += checkpoints.readState(CheckpointStore.LAST).history().stream()
                        .mapToDouble(EpochRecord::seconds).sum();
            }
        }
        return seconds;
    }

    /** Seconds per block that has run at least one epoch, by a label naming the block. */
    Map<String, Double> allSeconds() throws IOException {
        Map<String, Double> all = new LinkedHashMap<>();
        for (String name : config.pretrain().keySet()) {
            double s = seconds(name);
            if (s > 0) {
                all.put("pre-training '" + name + "' (shared by the cells that name it, run once)", s);
            }
        }
        return all;
    }

    private Path directory(String name) {
        return config.out().resolve(FOLDER).resolve(name);
    }
}
