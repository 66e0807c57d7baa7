package org.covseg.train;

import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.covseg.data.augment.Augmentation;

/**
 * Training slices augmented as one epoch sees them: slice {@code i} of epoch {@code e} is drawn from
 * {@link Augmentation#random(long, int, int) random(seed, e, i)} alone, so batches are the same whenever and in
 * whatever order they are loaded — a resumed run trains on exactly what an uninterrupted one would. The cutout is set
 * to 0 in the normalised input, i.e. to the normalisation's mean grey level in every channel.
 */
public final class AugmentedTrainingSet implements TrainingSet {

    private final SliceTrainingSet slices;
    private final Augmentation augmentation;
    private final long seed;
    private final int epoch;

    AugmentedTrainingSet(SliceTrainingSet slices, Augmentation augmentation, long seed, int epoch) {
        this.slices = slices;
        this.augmentation = augmentation;
        this.seed = seed;
        this.epoch = epoch;
    }

    /** The training set under {@code augmentation} (the plain slices if it does nothing), as epoch 1 sees it. */
    public static TrainingSet of(SliceTrainingSet slices, Augmentation augmentation, long seed) {
        return augmentation.any() ? new AugmentedTrainingSet(slices, augmentation, seed, 1) : slices;
    }

    @Override
    public int size() {
        return slices.size();
    }

    @Override
    public AugmentedTrainingSet forEpoch(int value) {
        return new AugmentedTrainingSet(slices, augmentation, seed, value);
    }

    /** Slice {@code index} as this epoch trains on it. */
    public TrainingSample sample(int index) {
        SplittableRandom random = Augmentation.random(seed, epoch, index);
        Augmentation.Augmented a = augmentation.apply(slices.planes(index), random);
        float[] image = slices.normalise(a.planes().grey());
        a.cutout().ifPresent(hole -> hole.fill(image, 3, a.planes().size(), 0));
        return new TrainingSample(a.planes().size(), image, a.planes().mask(), a.planes().edge());
    }

    @Override
    public Batch load(NDManager manager, int[] indices) {
        return Batch.of(manager, Arrays.stream(indices).mapToObj(this::sample).toList());
    }
}
