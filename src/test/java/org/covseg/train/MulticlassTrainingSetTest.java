package org.covseg.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.covseg.data.LabeledSlice;
import org.covseg.data.augment.Augmentation;
import org.covseg.data.augment.Transform;
import org.covseg.image.IntensityUnit;
import org.covseg.image.Volume;
import org.covseg.infer.MulticlassInput;
import org.covseg.model.ModelSpec;
import org.covseg.model.NetworkInput;
import org.covseg.nn.UNetConfig;
import org.junit.jupiter.api.Test;

class MulticlassTrainingSetTest {

    private static final int SIZE = 32;
    private static final int PLANE = SIZE * SIZE;
    private static final ModelSpec SPEC = ModelSpec.multiclass("test", UNetConfig.multiclass(0.1, SIZE),
            new ModelSpec.PriorSpec("prior", "1", "0".repeat(64), "../prior"), Map.of(), Map.of());

    /**
     * An off-centre ground-glass bar (label 1) ending in a consolidation block (label 2), white on black, with a prior
     * of exactly 1 on the lesion: so image/255, prior and 1 − background are one plane, however they are warped.
     */
    private static LabeledSlice lesion() {
        float[] grey = new float[PLANE];
        float[] labels = new float[PLANE];
        for (int y = 4; y < 20; y++) {
            for (int x = 6; x < 12; x++) {
                labels[y * SIZE + x] = y < 15 ? 1 : 2;
                grey[y * SIZE + x] = 255;
            }
        }
        return new LabeledSlice("lesion",
                Volume.builder(SIZE, SIZE, 1).voxels(grey).unit(IntensityUnit.WINDOWED_8BIT).build(),
                Volume.builder(SIZE, SIZE, 1).voxels(labels).unit(IntensityUnit.LABEL).build(), Optional.empty());
    }

    private static float[] prior() {
        float[] prior = lesion().image().toArray();
        for (int p = 0; p < prior.length; p++) {
            prior[p] /= 255;
        }
        return prior;
    }

    private static MulticlassTrainingSet set() {
        return new MulticlassTrainingSet(List.of(lesion()), List.of(prior()), SPEC, SIZE);
    }

    private static float[] channel(float[] planes, int index) {
        return Arrays.copyOfRange(planes, index * PLANE, (index + 1) * PLANE);
    }

    /** The grey levels 0..255 behind the slice's (0) or the prior's (1) first normalised channel. */
    private static float[] grey(float[] input, int part) {
        return NetworkInput.greyOfFirstChannel(Arrays.copyOfRange(input, 3 * part * PLANE, 3 * (part + 1) * PLANE),
                PLANE, SPEC.mean(), SPEC.std());
    }

    @Test
    void withoutAugmentationASampleIsTheInferenceInputAndExactOneHotTargets() {
        MulticlassTrainingSet.Sample sample = set().forEpoch(3).sample(0);
        assertThat(sample.input()).containsExactly(MulticlassInput.of(lesion().image(), prior(), SPEC, SIZE));
        float[] target = sample.target();
        assertThat(target[5 * SIZE + 7]).isEqualTo(0);
        assertThat(target[PLANE + 5 * SIZE + 7]).isEqualTo(1);
        assertThat(target[2 * PLANE + 17 * SIZE + 7]).isEqualTo(1);
        assertThat(target[0]).isEqualTo(1);
    }

    @Test
    void geometryMovesSlicePriorAndEveryClassTogether() {
        MulticlassTrainingSet geometry = set().augmented(new Augmentation(EnumSet.of(Transform.FLIP, Transform.ROT90,
                Transform.ROTATE, Transform.CROP), 0), 7);
        for (int epoch = 1; epoch <= 15; epoch++) {
            MulticlassTrainingSet.Sample sample = geometry.forEpoch(epoch).sample(0);
            float[] image = grey(sample.input(), 0);
            float[] prior = grey(sample.input(), 1);
            float[] background = channel(sample.target(), 0);
            float[] ggo = channel(sample.target(), 1);
            float[] consolidation = channel(sample.target(), 2);
            for (int p = 0; p < PLANE; p++) {
                assertThat(background[p] + ggo[p] + consolidation[p]).as("class sum at %d, epoch %d", p, epoch)
                        .isCloseTo(1f, within(1e-5f));
                assertThat(image[p] / 255).as("slice at %d, epoch %d", p, epoch)
                        .isCloseTo(1 - background[p], within(1e-4f));
                assertThat(prior[p] / 255).as("prior at %d, epoch %d", p, epoch)
                        .isCloseTo(1 - background[p], within(1e-4f));
            }
            assertThat(sum(ggo)).isPositive();
            assertThat(sum(consolidation)).isPositive();
        }
        assertThat(geometry.forEpoch(2).sample(0).input()).isNotEqualTo(geometry.forEpoch(3).sample(0).input());
        assertThat(geometry.forEpoch(2).sample(0).input()).containsExactly(geometry.forEpoch(2).sample(0).input());
    }

    @Test
    void jitterChangesTheSliceButNeitherThePriorNorTheTargets() {
        MulticlassTrainingSet.Sample plain = set().sample(0);
        MulticlassTrainingSet.Sample jittered = set().augmented(new Augmentation(EnumSet.of(Transform.JITTER), 0), 1)
                .sample(0);
        assertThat(grey(jittered.input(), 0)).isNotEqualTo(grey(plain.input(), 0));
        assertThat(grey(jittered.input(), 1)).containsExactly(grey(plain.input(), 1));
        assertThat(jittered.target()).containsExactly(plain.target());
    }

    @Test
    void refusesCutoutBecauseThePriorWouldShowWhatTheHoleHides() {
        assertThatThrownBy(() -> set().augmented(new Augmentation(EnumSet.of(Transform.FLIP), 0.4), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cutout");
    }

    private static double sum(float[] plane) {
        double s = 0;
        for (float v : plane) {
            s += v;
        }
        return s;
    }
}
