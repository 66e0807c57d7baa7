package org.covseg.train;

import java.util.List;
import org.covseg.CovsegException;
import org.covseg.data.augment.Augmentation;

/**
 * The training recipe. Everything except {@code epochs} must stay the same when a run is resumed (the run can be
 * extended by raising {@code epochs}).
 *
 * @param epochs        epochs to run, numbered from 1
 * @param batchSize     slices per batch (the last batch of an epoch may be smaller)
 * @param trainSize     the side of the square training slices (352 for Inf-Net)
 * @param scaleRates    multi-scale training: each batch is resized to {@code round(trainSize·rate/32)·32} for every
 *                      rate in turn, with one optimiser step per rate
 * @param learningRate  Adam's initial learning rate
 * @param lrDecay       the factor applied every {@code lrDecayEvery} epochs (see {@link StepLr})
 * @param lrDecayEvery  epochs between decays; 0 for a constant rate
 * @param gradientClip  element-wise two-sided gradient clamp; 0 for none
 * @param weightDecay   L2 weight decay added to the gradient (0 in the official recipe)
 * @param seed          seeds the shuffling of the training slices
 * @param bestMetric    the validation metric (higher is better) that selects the {@code best} checkpoint
 * @param augmentation  what is done to the training slices each epoch, drawn per slice from (seed, epoch, slice)
 */
public record TrainingOptions(int epochs, int batchSize, int trainSize, List<Double> scaleRates, double learningRate,
        double lrDecay, int lrDecayEvery, double gradientClip, double weightDecay, long seed, String bestMetric,
        Augmentation augmentation) {

    private static final int STRIDE = 32;

    public TrainingOptions {
        scaleRates = List.copyOf(scaleRates);
        // runs checkpointed before augmentation existed have none
        augmentation = augmentation == null ? Augmentation.NONE : augmentation;
        require(epochs >= 1, "--epochs must be at least 1, got " + epochs);
        require(batchSize >= 1, "--batch-size must be at least 1, got " + batchSize);
        require(trainSize >= STRIDE && trainSize % STRIDE == 0,
                "--size must be a positive multiple of 32, got " + trainSize);
        require(!scaleRates.isEmpty(), "at least one scale rate is needed");
        require(learningRate > 0, "--lr must be positive, got " + learningRate);
        require(lrDecay > 0 && lrDecayEvery >= 0, "the learning-rate decay must be positive and its period >= 0");
        require(gradientClip >= 0 && weightDecay >= 0, "--clip and --weight-decay must not be negative");
        for (double rate : scaleRates) {
            require(Math.rint(trainSize * rate / STRIDE) >= 1,
                    "scale rate " + rate + " makes the " + trainSize + " px training size vanish");
        }
    }

    /** A recipe without augmentation. */
    public TrainingOptions(int epochs, int batchSize, int trainSize, List<Double> scaleRates, double learningRate,
            double lrDecay, int lrDecayEvery, double gradientClip, double weightDecay, long seed, String bestMetric) {
        this(epochs, batchSize, trainSize, scaleRates, learningRate, lrDecay, lrDecayEvery, gradientClip, weightDecay,
                seed, bestMetric, Augmentation.NONE);
    }

    /** The official Inf-Net recipe: 100 epochs, batch 24, 352 px at rates {0.75, 1, 1.25}, Adam 1e-4 ×0.1 at 50. */
    public static TrainingOptions infNet() {
        return new TrainingOptions(100, 24, 352, List.of(0.75, 1.0, 1.25), 1e-4, 0.1, 50, 0.5, 0, 0, "dice");
    }

    /**
     * The slice side for each scale rate, as the official code rounds it: {@code int(round(size·rate/32)·32)} with
     * Python's round-half-to-even (352 → 256, 352, 448).
     */
    public int[] scaledSizes() {
        return scaleRates.stream().mapToInt(r -> (int) Math.rint(trainSize * r / STRIDE) * STRIDE).toArray();
    }

    public StepLr schedule() {
        return new StepLr(learningRate, lrDecay, lrDecayEvery);
    }

    /** True if a run made with {@code other} can be resumed with these options (only the epoch count may differ). */
    public boolean sameRecipe(TrainingOptions other) {
        return withEpochs(other.epochs).equals(other);
    }

    public TrainingOptions withEpochs(int value) {
        return new TrainingOptions(value, batchSize, trainSize, scaleRates, learningRate, lrDecay, lrDecayEvery,
                gradientClip, weightDecay, seed, bestMetric, augmentation);
    }

    public TrainingOptions withBatchSize(int value) {
        return new TrainingOptions(epochs, value, trainSize, scaleRates, learningRate, lrDecay, lrDecayEvery,
                gradientClip, weightDecay, seed, bestMetric, augmentation);
    }

    public TrainingOptions withSize(int size, List<Double> rates) {
        return new TrainingOptions(epochs, batchSize, size, rates, learningRate, lrDecay, lrDecayEvery,
                gradientClip, weightDecay, seed, bestMetric, augmentation);
    }

    public TrainingOptions withLearningRate(double value, double decay, int decayEvery) {
        return new TrainingOptions(epochs, batchSize, trainSize, scaleRates, value, decay, decayEvery,
                gradientClip, weightDecay, seed, bestMetric, augmentation);
    }

    public TrainingOptions withSeed(long value) {
        return new TrainingOptions(epochs, batchSize, trainSize, scaleRates, learningRate, lrDecay, lrDecayEvery,
                gradientClip, weightDecay, value, bestMetric, augmentation);
    }

    public TrainingOptions withAugmentation(Augmentation value) {
        return new TrainingOptions(epochs, batchSize, trainSize, scaleRates, learningRate, lrDecay, lrDecayEvery,
                gradientClip, weightDecay, seed, bestMetric, value);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new CovsegException(message);
        }
    }
}
