package org.covseg.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.covseg.model.ModelDir;
import org.covseg.semi.SemiRequest;
import org.covseg.semi.SemiSupervisedTraining;
import org.covseg.train.SegmentationValidator;
import org.covseg.train.TrainingOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "semi", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Semi-supervised training of the infection network (the Semi-Inf-Net procedure): starting from"
                + " a model trained on the labeled slices, each round pseudo-labels the next group of unlabeled slices"
                + " with the current network (probability > 0.5; edge maps derived from the mask), adds them to the"
                + " training set and fine-tunes; then the network is trained on all pseudo labels (from the start"
                + " model's weights) and fine-tuned on the labeled slices.",
                "Writes <out>/plan.json, <out>/split.json, <out>/round-<r>/ (pseudo/GT and pseudo/Edge PNGs stored"
                        + " like the unlabeled images, metrics.csv, loss.png, round.json), <out>/pseudo-training/,"
                        + " <out>/finetune/ and the model <out>/model (best fine-tuning epoch by validation meanDic)."
                        + " Every stage validates each epoch on the labeled validation slices. Ctrl-C saves and stops;"
                        + " run the same command with --resume to continue.",
                "The official procedure (groups of 5, 10 epochs per round, all 1,600 slices) takes days on a GPU; the"
                        + " defaults are a CPU budget: 60 slices in 6 rounds of 10, 1 epoch per round, 3 + 3 final"
                        + " epochs, estimated at about 20 minutes from the width-0.5 256 px model on 2 free cores (see README)."})
final class SemiCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "<model-dir>",
            description = "Infection model trained on the labeled slices to start from (its width is kept).")
    Path model;

    @Option(names = "--labeled", required = true, paramLabel = "<dir>",
            description = "Labeled dataset, e.g. COVID-SemiSeg .../LungInfection-Train/Doctor-label.")
    Path labeled;

    @Option(names = "--unlabeled", required = true, paramLabel = "<dir>",
            description = "Folder of unlabeled images, e.g. COVID-SemiSeg/Unlabeled.")
    Path unlabeled;

    @Option(names = "--out", required = true, paramLabel = "<dir>", description = "Run folder.")
    Path out;

    @Option(names = "--group-size", defaultValue = "10",
            description = "Unlabeled slices pseudo-labelled per round (default: ${DEFAULT-VALUE}; official: 5).")
    int groupSize;

    @Option(names = "--round-epochs", defaultValue = "1",
            description = "Fine-tuning epochs per round (default: ${DEFAULT-VALUE}; official: 10).")
    int roundEpochs;

    @Option(names = "--rounds", defaultValue = "0",
            description = "Rounds to run; 0 = one per group (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--limit", defaultValue = "60",
            description = "Use a seeded random subset of this many unlabeled slices; 0 = all (default: ${DEFAULT-VALUE};"
                    + " official: all 1,600).")
    int limit;

    @Option(names = "--exclude", split = ",", paramLabel = "<glob>",
            description = "Leave out the unlabeled volumes whose name matches this glob (repeatable), before"
                    + " --limit; e.g. '*coronacases*' for COVID-SemiSeg's volumes windowed unlike the labeled slices"
                    + " (docs/results.md).")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--rewindow", description = "Read each unlabeled volume re-windowed to the start model's window,"
            + " estimating the window it was exported with from its lung and soft-tissue grey peaks (the COVID-SemiSeg"
            + " unlabeled volumes come in several windows); each volume's estimate is logged.")
    boolean rewindow;

    @Option(names = "--final-epochs", defaultValue = "3",
            description = "Epochs of the training on all pseudo labels (default: ${DEFAULT-VALUE}).")
    int finalEpochs;

    @Option(names = "--finetune-epochs", defaultValue = "3",
            description = "Epochs of the last fine-tuning on the labeled slices (default: ${DEFAULT-VALUE}).")
    int finetuneEpochs;

    @Option(names = "--val", split = ",", paramLabel = "<name>",
            description = "Validation slice names (comma-separated). Default: the start model's validation slices"
                    + " as its model.json records them, else --val-fraction.")
    List<String> valNames = new ArrayList<>();

    @Option(names = "--val-fraction", defaultValue = "0.2",
            description = "Validation share when neither --val nor the start model names the slices"
                    + " (default: ${DEFAULT-VALUE}).")
    double valFraction;

    @Option(names = "--size", description = "Training slice size, multiple of 32. Default: the start model's.")
    Integer size;

    @Option(names = "--batch-size", defaultValue = "16",
            description = "Slices per batch (default: ${DEFAULT-VALUE}, as the official rounds).")
    int batchSize;

    @Option(names = "--lr", defaultValue = "3e-4",
            description = "Adam learning rate of every stage (default: ${DEFAULT-VALUE}, as the official rounds).")
    double lr;

    @Option(names = "--lr-decay-every", defaultValue = "0",
            description = "Multiply the learning rate by --lr-decay every this many epochs of a stage; 0 = constant"
                    + " (default: ${DEFAULT-VALUE}).")
    int lrDecayEvery;

    @Mixin
    RecipeOptions recipe;

    @Option(names = "--resume", description = "Continue the run in --out where it stopped.")
    boolean resume;

    @Option(names = "--name", defaultValue = "infection-semi-infnet", description = "Model name (default: ${DEFAULT-VALUE}).")
    String name;

    @Override
    public Integer call() throws Exception {
        int trainSize = size != null ? size : ModelDir.readSpec(model).inputSize();
        TrainingOptions options = recipe.options(roundEpochs, batchSize, trainSize, recipe.scales, lr, lrDecayEvery,
                SegmentationValidator.MEAN_DICE);
        SemiRequest request = new SemiRequest(model, labeled, unlabeled, out, groupSize, rounds, limit, exclude,
                rewindow, roundEpochs, finalEpochs, finetuneEpochs, valFraction, valNames, options, recipe.bce,
                recipe.threads, resume, name, CliArguments.recipe(spec));
        return SemiSupervisedTraining.run(request, spec.commandLine().getOut()) == null ? 130 : 0;
    }
}
