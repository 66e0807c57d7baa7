package org.covseg.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.covseg.nn.InfNetConfig;
import org.covseg.train.BceWeighting;
import org.covseg.train.InfectionTraining;
import org.covseg.train.SegmentationValidator;
import org.covseg.train.TrainingOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trains the Inf-Net infection segmentation network on a labeled dataset.",
                "Writes <out>/metrics.csv, <out>/loss.png, checkpoints (every epoch, and the best by validation "
                        + "meanDic) and finally the model folder <out>/model. Ctrl-C saves and stops; run the same "
                        + "command with --resume to continue."})
final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "<dir>",
            description = "Labeled dataset: COVID-SemiSeg Doctor-label folder, MedSeg-style Imgs/GT, or images/ + masks/.")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "<dir>", description = "Run folder.")
    Path out;

    @Option(names = "--val-fraction", defaultValue = "0.2", description = "Validation share (default: ${DEFAULT-VALUE}).")
    double valFraction;

    @Option(names = "--val", split = ",", paramLabel = "<name>",
            description = "Explicit validation slice names (comma-separated); overrides --val-fraction.")
    List<String> valNames = new ArrayList<>();

    @Option(names = "--width", defaultValue = "1.0",
            description = "Channel multiplier (1.0 = official Inf-Net; 0.5 ≈ 4x cheaper). Default: ${DEFAULT-VALUE}.")
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
            description = "BCE term: WEIGHTED (as the paper intends) or UNWEIGHTED (what the official code computes). "
                    + "Default: ${DEFAULT-VALUE}.")
    BceWeighting bce;

    @Mixin
    AugmentationOptions augmentation;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of split, shuffling and init (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", defaultValue = "2", description = "CPU threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--init", paramLabel = "<model-or-safetensors>",
            description = "Start from these weights (a model folder or an Inf-Net state dict in safetensors).")
    Path init;

    @Option(names = "--resume", description = "Continue the run in --out where it stopped.")
    boolean resume;

    @Option(names = "--name", defaultValue = "infection-infnet", description = "Model name (default: ${DEFAULT-VALUE}).")
    String name;

    @Override
    public Integer call() throws Exception {
        TrainingOptions options = new TrainingOptions(epochs, batchSize, size, scales, lr, lrDecay, lrDecayEvery, clip,
                0, seed, SegmentationValidator.MEAN_DICE).withAugmentation(augmentation.augmentation());
        InfNetConfig network = CliArguments.infNetConfig(width, size);
        String command = CliArguments.recipe(spec);
        PrintWriter log = spec.commandLine().getOut();
        Path model = InfectionTraining.run(new InfectionTraining.Request(data, out, valFraction, valNames, network,
                options, bce, init, threads, resume, name, command), log);
        return model == null ? 130 : 0;
    }
}
