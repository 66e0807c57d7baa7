package org.covseg.lungs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.covseg.image.IntensityUnit;
import org.covseg.image.Volume;
import org.junit.jupiter.api.Test;

/** Where an infection mask may add lung (InfectionUnion's envelope), on chests built to test each rule. */
class ThoracicEnvelopeTest {

    private static final LungSegmenter SEGMENTER = new LungSegmenter();
    private static final int W = 200;
    private static final int H = 160;

    /**
     * Two lungs 50 mm apart (i 24.5-74.5 and 124.5-174.5) in slices [lungFrom, lungTo) of a body spanning all
     * {@code depth} 5 mm slices; elsewhere soft tissue.
     */
    private static Volume chest(int depth, int lungFrom, int lungTo) {
        float[] body = new SyntheticChest(W, H).ellipse(99.5, 80, 90, 70, SyntheticChest.SOFT_TISSUE)
                .ellipse(49.5, 80, 25, 50, SyntheticChest.LUNG).ellipse(149.5, 80, 25, 50, SyntheticChest.LUNG)
                .volume().toArray();
        float[] solid = new SyntheticChest(W, H).ellipse(99.5, 80, 90, 70, SyntheticChest.SOFT_TISSUE).volume()
                .toArray();
        float[] hu = new float[W * H * depth];
        for (int k = 0; k < depth; k++) {
            System.arraycopy(k >= lungFrom && k < lungTo ? body : solid, 0, hu, k * W * H, W * H);
        }
        return Volume.builder(W, H, depth).voxels(hu).spacing(1, 1, 5).unit(IntensityUnit.HU).build();
    }

    private static float[] fill(float[] mask, int k, int i0, int i1, int j0, int j1) {
        for (int j = j0; j <= j1; j++) {
            for (int i = i0; i <= i1; i++) {
                mask[k * W * H + j * W + i] = 2;
            }
        }
        return mask;
    }

    private static long lungIn(Volume lungs, int k, int i0, int i1, int j0, int j1) {
        long n = 0;
        for (int j = j0; j <= j1; j++) {
            for (int i = i0; i <= i1; i++) {
                n += lungs.get(i, j, k) != 0 ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void aFalsePositiveOverTheNeckAboveTheApicesDoesNotBecomeLung() {
        // lungs in slices 0-5; slice 6 (the neck) is predicted infected from side to side, touching both apices
        Volume ct = chest(8, 0, 6);
        float[] infection = fill(new float[W * H * 8], 6, 15, 185, 20, 140);
        Volume lungs = SEGMENTER.segment(ct, Optional.of(ct.withVoxels(infection, IntensityUnit.LABEL)));
        assertThat(lungIn(lungs, 6, 0, W - 1, 0, H - 1)).as("the neck, a slice without aerated lung").isZero();
    }

    @Test
    void theAbdomenBelowTheBasesGetsNoLung() {
        // lungs in slices 6-9; slices 0-5 (abdomen), 5 to 30 mm below the lowest lung slice, predicted infected
        Volume ct = chest(10, 6, 10);
        float[] infection = new float[W * H * 10];
        for (int k = 0; k <= 5; k++) {
            fill(infection, k, 15, 185, 20, 140);
        }
        Volume lungs = SEGMENTER.segment(ct, Optional.of(ct.withVoxels(infection, IntensityUnit.LABEL)));
        for (int k = 0; k <= 5; k++) {
            assertThat(lungIn(lungs, k, 0, W - 1, 0, H - 1)).as("slice %d, without aerated lung", k).isZero();
        }
        assertThat(lungIn(lungs, 6, 50, 50, 80, 80)).as("the lowest lung slice keeps its lung").isEqualTo(1);
    }
}
