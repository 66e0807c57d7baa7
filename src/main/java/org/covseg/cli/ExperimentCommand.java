package org.covseg.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.covseg.experiment.ExperimentConfig;
import org.covseg.experiment.ExperimentRunner;
import org.covseg.experiment.Overrides;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "experiment", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs a grid of training configurations (cells) under one validation protocol (k-fold on the"
                + " labeled slices, or a fixed split) and compares them: per cell mean ± std over the folds of the"
                + " validation loss and the Inf-Net protocol metrics (Dice, Sen, Spec, S-α, E-φ, MAE), and the"
                + " training time.",
                "Each cell and fold trains into <out>/<cell>/fold-<i>/ (as covseg train) and is evaluated on the"
                        + " fold's validation slices (as covseg evaluate --model). Writes <out>/results.csv,"
                        + " results.md and results.png after every fold. Re-running skips finished folds and"
                        + " resumes an interrupted one; Ctrl-C saves and stops. Config format: docs/experiments.md."})
final class ExperimentCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<config.json>", description = "The experiment config.")
    Path config;

    @Option(names = "--out", paramLabel = "<dir>", description = "Output folder (default: the config's \"out\").")
    Path out;

    @Option(names = "--data", paramLabel = "<dir>", description = "Labeled dataset (default: the config's \"data\").")
    Path data;

    @Option(names = "--cells", split = ",", paramLabel = "<name>",
            description = "Run only these cells (comma-separated); the results still show every cell's state.")
    List<String> cells = new ArrayList<>();

    @Option(names = "--folds", description = "k-fold cross-validation with this many folds, whatever the config's"
            + " protocol.")
    Integer folds;

    @Option(names = "--fold", split = ",", paramLabel = "<i>",
            description = "Run only these folds (numbered from 1, comma-separated), e.g. to share an experiment's"
                    + " folds between processes or machines with the same --out; the results show every fold's state.")
    Set<Integer> onlyFolds = new TreeSet<>();

    @Option(names = "--epochs", description = "Epochs of every cell.")
    Integer epochs;

    @Option(names = "--width", description = "Channel multiplier of every cell (and of the pre-training).")
    Double width;

    @Option(names = "--size", description = "Training slice size of every cell (and of the pre-training).")
    Integer size;

    @Option(names = "--batch-size", description = "Slices per batch of every cell.")
    Integer batchSize;

    @Option(names = "--threads", description = "CPU threads.")
    Integer threads;

    @Override
    public Integer call() throws Exception {
        ExperimentConfig experiment = ExperimentConfig.read(config,
                new Overrides(out, data, folds, epochs, width, size, batchSize, threads));
        PrintWriter stdout = spec.commandLine().getOut();
        ExperimentRunner.Outcome outcome = ExperimentRunner.run(experiment, cells, onlyFolds,
                CliArguments.recipe(spec), stdout);
        outcome.table().forEach(stdout::println);
        stdout.println("wrote " + outcome.written().stream().map(Path::toString).collect(Collectors.joining(", ")));
        if (outcome.stopped()) {
            return 130;
        }
        if (!outcome.failures().isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            outcome.failures().forEach((cell, why) -> err.println("covseg: cell " + cell + " failed: " + why));
            return 1;
        }
        return 0;
    }
}
