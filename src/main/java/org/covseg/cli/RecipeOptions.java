package org.covseg.cli;

import java.util.List;
import org.covseg.train.BceWeighting;
import org.covseg.train.TrainingOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The training-recipe options whose meaning and default are the same for {@code train} and {@code semi}. */
final class RecipeOptions {

    @Option(names = "--scales", defaultValue = "0.75,1,1.25", split = ",",
            description = "Multi-scale training rates, one optimiser step each (default: ${DEFAULT-VALUE}).")
    List<Double> scales;

    @Option(names = "--lr-decay", defaultValue = "0.1", description = "Learning-rate decay factor (default: ${DEFAULT-VALUE}).")
    double lrDecay;

    @Option(names = "--clip", defaultValue = "0.5", description = "Two-sided gradient clamp (default: ${DEFAULT-VALUE}).")
    double clip;

    @Option(names = "--bce", defaultValue = "WEIGHTED",
            description = "infection: BCE term: WEIGHTED (as the paper intends) or UNWEIGHTED (what the official code computes). "
                    + "Default: ${DEFAULT-VALUE}.")
    BceWeighting bce;

    @Mixin
    AugmentationOptions augmentation;

    @Option(names = "--weight-decay", defaultValue = "0",
            description = "L2 weight decay added to the gradient (default: ${DEFAULT-VALUE}).")
    double weightDecay;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of split, shuffling and init (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", defaultValue = "2", description = "CPU threads (default: ${DEFAULT-VALUE}).")
    int threads;

    /** The recipe with these options and the command's own epochs, batch, size, rates and learning rate. */
    TrainingOptions options(int epochs, int batchSize, int size, List<Double> rates, double lr, int lrDecayEvery,
            String bestMetric) {
        return new TrainingOptions(epochs, batchSize, size, rates, lr, lrDecay, lrDecayEvery, clip, weightDecay, seed,
                bestMetric).withAugmentation(augmentation.augmentation());
    }
}
