package org.covseg.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.covseg.data.augment.Augmentation;
import org.covseg.data.augment.Transform;
import org.junit.jupiter.api.Test;

class AugmentedTrainingSetTest {

    private static final int SIZE = 64;
    private static final SliceTrainingSet SLICES = LabeledDiscs.prepared(6, SIZE);
    private static final Augmentation GEOMETRY = new Augmentation(
            EnumSet.of(Transform.FLIP, Transform.ROT90, Transform.ROTATE, Transform.CROP), 0);

    private static AugmentedTrainingSet augmented(Augmentation augmentation, int epoch) {
        return (AugmentedTrainingSet) AugmentedTrainingSet.of(SLICES, augmentation, 11).forEpoch(epoch);
    }

    @Test
    void theInputStaysOnTheMask() {
        for (int epoch = 1; epoch <= 3; epoch++) {
            for (int i = 0; i < SLICES.size(); i++) {
                TrainingSample s = augmented(GEOMETRY, epoch).sample(i);
                float[] grey = SLICES.greyOfFirstChannel(s.image());
                for (int p = 0; p < grey.length; p++) {
                    assertThat(grey[p] / 255).isCloseTo(s.mask()[p], within(1e-4f));
                }
            }
        }
    }

    @Test
    void eachEpochDrawsAnewAndRepeatably() {
        Augmentation all = Augmentation.of(List.of("all"), 0.4);
        TrainingSample first = augmented(all, 2).sample(3);
        assertThat(augmented(all, 2).sample(3).image()).containsExactly(first.image());
        assertThat(augmented(all, 2).sample(3).mask()).containsExactly(first.mask());
        assertThat(augmented(all, 3).sample(3).image()).isNotEqualTo(first.image());
        assertThat(augmented(all, 2).sample(4).mask()).isNotEqualTo(SLICES.sample(4).mask());
    }

    @Test
    void theCutoutIsTheMeanInEveryInputChannelOnly() {
        TrainingSample s = augmented(new Augmentation(EnumSet.noneOf(Transform.class), 0.5), 1).sample(0);
        int plane = SIZE * SIZE;
        int side = (int) Math.round(Math.sqrt(0.5) * SIZE);
        for (int c = 0; c < 3; c++) {
            int zeros = 0;
            for (int p = 0; p < plane; p++) {
                zeros += s.image()[c * plane + p] == 0 ? 1 : 0;
            }
            // the disc images are black or white, so no pixel is at the mean grey by chance
            assertThat(zeros).isEqualTo(side * side);
        }
        assertThat(s.mask()).containsExactly(SLICES.sample(0).mask());
    }

    @Test
    void batchesStackTheSamplesAndNoAugmentationIsThePlainSet() {
        assertThat(AugmentedTrainingSet.of(SLICES, Augmentation.NONE, 1)).isSameAs(SLICES);
        AugmentedTrainingSet set = augmented(GEOMETRY, 5);
        try (NDManager manager = NDManager.newBaseManager()) {
            Batch batch = set.load(manager, new int[] {4, 1});
            assertThat(batch.images().getShape().getShape()).containsExactly(2, 3, SIZE, SIZE);
            float[] masks = batch.masks().toFloatArray();
            assertThat(Arrays.copyOfRange(masks, SIZE * SIZE, 2 * SIZE * SIZE))
                    .containsExactly(set.sample(1).mask());
        }
    }
}
