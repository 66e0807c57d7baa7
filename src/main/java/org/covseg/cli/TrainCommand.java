package org.covseg.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.covseg.CovsegException;
import org.covseg.train.BceWeighting;
import org.covseg.train.InfectionTraining;
import org.covseg.train.MulticlassTraining;
import org.covseg.train.MulticlassValidator;
import org.covseg.train.SegmentationValidator;
import org.covseg.train.TrainingOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trains the Inf-Net infection segmentation network (--task infection) or the multi-class"
                + " ground-glass/consolidation U-Net (--task multiclass) on a labeled dataset.",
                "Writes <out>/metrics.csv, <out>/loss.png, checkpoints (every epoch, and the best by validation "
                        + "meanDic; for multiclass the mean of the two classes' meanDic) and finally the model folder "
                        + "<out>/model. Ctrl-C saves and stops; run the same command with --resume to continue.",
                "multiclass: the input is the slice plus the infection probability of the --prior model (computed "
                        + "once per slice); the loss is the official sigmoid + BCE on one-hot classes, optimised with"
                        + " Adam (the official code uses SGD). The data are label maps 0/1/2, e.g. COVID-SemiSeg "
                        + "MultiClassInfection-Train. The model records its prior, which must stay available."})
final class TrainCommand implements Callable<Integer> {

    private static final String INFECTION = "infection";
    private static final String MULTICLASS = "multiclass";

    @Spec
    CommandSpec spec;

    @Option(names = "--task", defaultValue = INFECTION,
            description = "infection (Inf-Net, single class) or multiclass (U-Net, ground-glass opacity and "
                    + "consolidation). Default: ${DEFAULT-VALUE}.")
    String task;

    @Option(names = "--data", required = true, paramLabel = "<dir>",
            description = "Labeled dataset: COVID-SemiSeg Doctor-label or MultiClassInfection-Train folder, "
                    + "MedSeg-style Imgs/GT, or images/ + masks/.")
    Path data;

    @Option(names = "--prior", paramLabel = "<model-dir>",
            description = "multiclass: the infection model whose probability map is part of the input "
                    + "(default: the shipped models/infection).")
    Path prior;

    @Option(names = "--out", required = true, paramLabel = "<dir>", description = "Run folder.")
    Path out;

    @Option(names = "--val-fraction", defaultValue = "0.2", description = "Validation share (default: ${DEFAULT-VALUE}).")
    double valFraction;

    @Option(names = "--val", split = ",", paramLabel = "<name>",
            description = "Explicit validation slice names (comma-separated); overrides --val-fraction.")
    List<String> valNames = new ArrayList<>();

    @Option(names = "--width", defaultValue = "1.0",
            description = "Channel multiplier (1.0 = official Inf-Net or U-Net; 0.5 ≈ 4x cheaper). Default: ${DEFAULT-VALUE}.")
    double width;

    @Option(names = "--size", defaultValue = "352", description = "Training slice size, multiple of 32 (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--scales", defaultValue = "0.75,1,1.25", split = ",",
            description = "Multi-scale training rates, one optimiser step each (default: ${DEFAULT-VALUE}).")
    List<Double> scales;

    @Option(names = "--epochs", defaultValue = "100", description = "Epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch-size", defaultValue = "24", description = "Slices per batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--lr", defaultValue = "1e-4", description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--lr-decay-every", defaultValue = "50",
            description = "Multiply the learning rate by --lr-decay every this many epochs (default: ${DEFAULT-VALUE}).")
    int lrDecayEvery;

    @Option(names = "--lr-decay", defaultValue = "0.1", description = "Learning-rate decay factor (default: ${DEFAULT-VALUE}).")
    double lrDecay;

    @Option(names = "--clip", defaultValue = "0.5", description = "Two-sided gradient clamp (default: ${DEFAULT-VALUE}).")
    double clip;

    @Option(names = "--bce", defaultValue = "WEIGHTED",
            description = "infection: BCE term: WEIGHTED (as the paper intends) or UNWEIGHTED (what the official code computes). "
                    + "Default: ${DEFAULT-VALUE}.")
    BceWeighting bce;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of split, shuffling and init (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", defaultValue = "2", description = "CPU threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--init", paramLabel = "<model-or-safetensors>",
            description = "Start from these weights (a model folder or a state dict in safetensors of the task's network).")
    Path init;

    @Option(names = "--resume", description = "Continue the run in --out where it stopped.")
    boolean resume;

    @Option(names = "--name", paramLabel = "<name>",
            description = "Model name (default: infection-infnet or multiclass-unet).")
    String name;

    @Override
    public Integer call() throws Exception {
        boolean multiclass = switch (task) {
            case INFECTION -> false;
            case MULTICLASS -> true;
            default -> throw new CovsegException("--task must be " + INFECTION + " or " + MULTICLASS + ", got "
                    + task);
        };
        if (prior != null && !multiclass) {
            throw new CovsegException("--prior is for --task " + MULTICLASS + " only");
        }
        TrainingOptions options = new TrainingOptions(epochs, batchSize, size, scales, lr, lrDecay, lrDecayEvery, clip,
                0, seed, multiclass ? MulticlassValidator.MEAN_CLASS_DICE : SegmentationValidator.MEAN_DICE);
        // The recipe, not how this invocation started: --resume is left out.
        String command = "covseg " + spec.commandLine().getParseResult().originalArgs().stream()
                .filter(a -> !a.equals("--resume")).collect(java.util.stream.Collectors.joining(" "));
        PrintWriter log = spec.commandLine().getOut();
        Path model = multiclass
                ? MulticlassTraining.run(new MulticlassTraining.Request(data, out, valFraction, valNames,
                        CliArguments.unetConfig(width, size), options, prior, init, threads, resume,
                        name == null ? "multiclass-unet" : name, command), log)
                : InfectionTraining.run(new InfectionTraining.Request(data, out, valFraction, valNames,
                        CliArguments.infNetConfig(width, size), options, bce, init, threads, resume,
                        name == null ? "infection-infnet" : name, command), log);
        return model == null ? 130 : 0;
    }
}
