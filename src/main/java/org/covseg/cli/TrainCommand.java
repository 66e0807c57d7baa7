package org.covseg.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.covseg.CovsegException;
import org.covseg.metrics.DetectionMetrics;
import org.covseg.nn.SegmentationArchitecture;
import org.covseg.train.ClassLoss;
import org.covseg.train.DetectionTraining;
import org.covseg.train.InfectionTraining;
import org.covseg.train.MulticlassTraining;
import org.covseg.train.MulticlassValidator;
import org.covseg.train.SegmentationValidator;
import org.covseg.train.TrainingOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trains an infection segmentation network (--task infection; Inf-Net, U-Net or COVID-SegNet,"
                + " see --arch) or the multi-class"
                + " ground-glass/consolidation U-Net (--task multiclass) on a labeled dataset, or the COVID-19 slice"
                + " classifier on a UCSD COVID-CT folder (--task detect).",
                "Writes <out>/split.json, <out>/metrics.csv, <out>/loss.png, checkpoints (every epoch, and the best by"
                        + " validation meanDic; for multiclass the mean of the two classes' meanDic; for detect AUC)"
                        + " and finally the model folder <out>/model. Ctrl-C saves and stops; run the same command"
                        + " with --resume to continue.",
                "multiclass: the input is the slice plus the infection probability of the --prior model (computed "
                        + "once per slice); the loss is the official sigmoid + BCE on one-hot classes (--class-loss"
                        + " BCE_DICE adds a Dice term), optimised with Adam (the official code uses SGD); --augment"
                        + " warps slice, prior and labels alike. The data are label maps 0/1/2, e.g. COVID-SemiSeg "
                        + "MultiClassInfection-Train. The model records its prior, which must stay available.",
                "detect: Res2Net-50 v1b backbone of Inf-Net (same --width) + global average pool + dropout + linear;"
                        + " binary cross-entropy; one scale; images split by source (no source on both sides);"
                        + " --init takes the resnet.* weights of an Inf-Net model, pre-trained folder or state dict."})
final class TrainCommand implements Callable<Integer> {

    /** What is trained. */
    enum Task { infection, multiclass, detect }

    @Spec
    CommandSpec spec;

    @Option(names = "--task", defaultValue = "infection",
            description = "infection (Inf-Net, single class), multiclass (U-Net, ground-glass opacity and"
                    + " consolidation) or detect (COVID-19 slice classifier). Default: ${DEFAULT-VALUE}.")
    Task task;

    @Option(names = "--arch", defaultValue = "infnet", converter = ArchitectureConverter.class,
            description = "infection: " + ArchitectureConverter.HELP + " Default: ${DEFAULT-VALUE}.")
    SegmentationArchitecture arch;

    @Option(names = "--data", required = true, paramLabel = "<dir>",
            description = "Labeled dataset: COVID-SemiSeg Doctor-label or MultiClassInfection-Train folder, MedSeg-style"
                    + " Imgs/GT, or images/ + masks/; for detect a folder with CT_COVID/ and CT_NonCOVID/.")
    Path data;

    @Option(names = "--prior", paramLabel = "<model-dir>",
            description = "multiclass: the infection model whose probability map is part of the input "
                    + "(default: the shipped models/infection).")
    Path prior;

    @Option(names = "--class-loss", defaultValue = "BCE",
            description = "multiclass: BCE (the official sigmoid + binary cross-entropy) or BCE_DICE (adds each lesion"
                    + " class's soft Dice over the batch, so the rare consolidation weighs as much as ground-glass)."
                    + " Default: ${DEFAULT-VALUE}.")
    ClassLoss classLoss;

    @Option(names = "--out", required = true, paramLabel = "<dir>", description = "Run folder.")
    Path out;

    @Option(names = "--val-fraction", defaultValue = "0.2", description = "Validation share (default: ${DEFAULT-VALUE}).")
    double valFraction;

    @Option(names = "--val", split = ",", paramLabel = "<name>",
            description = "Explicit validation slice names (comma-separated); overrides --val-fraction.")
    List<String> valNames = new ArrayList<>();

    @Option(names = "--width", description = "Channel multiplier (1.0 = official Inf-Net; 0.5 ≈ 4x cheaper)."
            + " Default: 1.0 (infection), " + DetectDefaults.WIDTH + " (detect).")
    Double width;

    @Option(names = "--size", description = "Training slice size, multiple of 32. Default: 352 (infection), "
            + DetectDefaults.SIZE + " (detect).")
    Integer size;

    @Option(names = "--epochs", description = "Epochs. Default: 100 (infection), " + DetectDefaults.EPOCHS
            + " (detect).")
    Integer epochs;

    @Option(names = "--batch-size", description = "Slices per batch. Default: 24 (infection), "
            + DetectDefaults.BATCH + " (detect).")
    Integer batchSize;

    @Option(names = "--lr", description = "Adam learning rate. Default: 1e-4 (infection), " + DetectDefaults.LR
            + " (detect).")
    Double lr;

    @Option(names = "--lr-decay-every", description = "Multiply the learning rate by --lr-decay every this many"
            + " epochs. Default: 50 (infection), " + DetectDefaults.LR_DECAY_EVERY + " (detect).")
    Integer lrDecayEvery;

    @Mixin
    RecipeOptions recipe;

    @Option(names = "--dropout", defaultValue = "0.5",
            description = "detect: dropout rate before the linear layer (default: ${DEFAULT-VALUE}).")
    float dropout;

    @Option(names = "--init", paramLabel = "<model-or-safetensors>",
            description = "Start from these weights (a model folder or a state dict in safetensors of the task's network).")
    Path init;

    @Option(names = "--resume", description = "Continue the run in --out where it stopped.")
    boolean resume;

    @Option(names = "--name", description = "Model name. Default: infection-<arch>, multiclass-unet or"
            + " covid-detector.")
    String name;

    @Override
    public Integer call() throws Exception {
        List<String> notApplicable = switch (task) {
            case detect -> List.of("--scales", "--bce", "--val", "--augment", "--cutout", "--prior", "--arch",
                    "--class-loss");
            case multiclass -> List.of("--bce", "--cutout", "--arch");
            case infection -> List.of("--prior", "--class-loss");
        };
        for (String option : notApplicable) {
            if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                throw new CovsegException(option + " does not apply to --task " + task + " (see covseg train --help)");
            }
        }
        boolean detect = task == Task.detect;
        boolean multiclass = task == Task.multiclass;
        int trainSize = orElse(size, detect ? DetectDefaults.SIZE : 352);
        TrainingOptions options = recipe.options(orElse(epochs, detect ? DetectDefaults.EPOCHS : 100),
                orElse(batchSize, detect ? DetectDefaults.BATCH : 24), trainSize,
                detect ? List.of(1.0) : recipe.scales, orElse(lr, detect ? DetectDefaults.LR : 1e-4),
                orElse(lrDecayEvery, detect ? DetectDefaults.LR_DECAY_EVERY : 50), detect ? DetectionMetrics.AUC
                        : multiclass ? MulticlassValidator.MEAN_CLASS_DICE : SegmentationValidator.MEAN_DICE);
        double channels = orElse(width, detect ? DetectDefaults.WIDTH : 1.0);
        String command = CliArguments.recipe(spec);
        PrintWriter log = spec.commandLine().getOut();
        Path model = switch (task) {
            case detect -> DetectionTraining.run(new DetectionTraining.Request(data, out, valFraction,
                    CliArguments.networkSize(channels, trainSize), dropout, options, init, recipe.threads, resume,
                    orElse(name, "covid-detector"), command), log);
            case multiclass -> MulticlassTraining.run(new MulticlassTraining.Request(data, out, valFraction, valNames,
                    CliArguments.unetConfig(channels, trainSize), options, classLoss, prior, init, recipe.threads, resume,
                    orElse(name, "multiclass-unet"), command), log);
            case infection -> InfectionTraining.run(new InfectionTraining.Request(data, out, valFraction, valNames,
                    CliArguments.networkSize(channels, trainSize), options, recipe.bce, init, recipe.threads,
                    resume, orElse(name, "infection-" + arch.option()), command, arch), log);
        };
        return model == null ? 130 : 0;
    }

    private static <T> T orElse(T value, T fallback) {
        return value != null ? value : fallback;
    }

    /** The detection recipe's defaults: sized for a CPU run of about 10–15 minutes on the UCSD images. */
    static final class DetectDefaults {
        static final double WIDTH = 0.25;
        static final int SIZE = 192;
        static final int EPOCHS = 6;
        static final int BATCH = 16;
        static final double LR = 3e-4;
        static final int LR_DECAY_EVERY = 5;

        private DetectDefaults() {
        }
    }
}
