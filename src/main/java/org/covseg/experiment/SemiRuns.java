package org.covseg.experiment;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.covseg.data.Split;
import org.covseg.model.ModelDir;
import org.covseg.model.ModelSpec;
import org.covseg.semi.SemiSupervisedTraining;

/**
 * The config's {@code semi} blocks, each run per fold into {@code <out>/semi-supervised/<name>/fold-<i>} when a cell
 * first needs that fold, and reused afterwards; an interrupted one resumes ({@code covseg semi --resume}).
 */
final class SemiRuns {

    static final String FOLDER = "semi-supervised";

    private final ExperimentConfig config;
    private final String command;
    private final PrintWriter log;

    SemiRuns(ExperimentConfig config, String command, PrintWriter log) {
        this.config = config;
        this.command = command;
        this.log = log;
    }

    /**
     * The fold's semi-supervised model of the named block, made now from {@code start} (the fold's model of the
     * block's {@code from} cell, trained with {@code from}) if needed; null if it was stopped.
     */
    Path model(String name, int fold, Split split, Path start, TrainingSettings from) throws IOException {
        SemiBlock block = config.semi().get(name);
        Files.createDirectories(directory(name));
        Fingerprint.check(directory(name).resolve("block.json"), Fingerprint.json(block), SemiBlock.RECORDED_DEFAULTS,
                "semi '" + name + "'");
        Path dir = directory(name).resolve("fold-" + fold);
        Path model = dir.resolve("model");
        if (Files.exists(model.resolve(ModelDir.SPEC_FILE))) {
            return model;
        }
        boolean resume = Files.exists(dir.resolve("plan.json"));
        log.printf("semi '%s', fold %d: %s %s from %s%n", name, fold, resume ? "resuming in" : "running into", dir,
                start);
        return SemiSupervisedTraining.run(block.request(dir, config.data(), start, split.validation(), from,
                config.seed(), resume, command + " (semi " + name + ", fold " + fold + ")"), log);
    }

    /** Seconds of every finished semi-supervised fold run, by "block, fold". */
    Map<String, Double> allSeconds() {
        Map<String, Double> all = new LinkedHashMap<>();
        for (String name : config.semi().keySet()) {
            for (int fold = 1; Files.isDirectory(directory(name).resolve("fold-" + fold)); fold++) {
                Path model = directory(name).resolve("fold-" + fold).resolve("model");
                if (Files.exists(model.resolve(ModelDir.SPEC_FILE))) {
                    all.put("semi-supervised '" + name + "', fold " + fold, seconds(ModelDir.readSpec(model)));
                }
            }
        }
        return all;
    }

    private static double seconds(ModelSpec spec) {
        return spec.training().get("semi") instanceof Map<?, ?> semi
                && semi.get("secondsAllStages") instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private Path directory(String name) {
        return config.out().resolve(FOLDER).resolve(name);
    }
}
