package org.covseg.lungs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.covseg.CovsegException;
import org.covseg.image.IntensityUnit;
import org.covseg.image.Volume;
import org.covseg.image.Window;
import org.junit.jupiter.api.Test;

/** The segmenter's steps on hand-drawn slices, where the right answer is known pixel by pixel. */
class LungSegmenterShapesTest {

    private static final LungSegmenter SEGMENTER = new LungSegmenter();

    private static int label(Volume v, int i, int j) {
        return (int) v.get(i, j, 0);
    }

    @Test
    void twoSeparateLungsAreLabelledByTheirSide() {
        Volume lungs = SEGMENTER.segment(SyntheticChest.twoLungs().volume());
        assertThat(label(lungs, 59, 80)).isEqualTo(1);
        assertThat(label(lungs, 139, 80)).isEqualTo(2);
        assertThat(label(lungs, 99, 80)).as("mediastinum").isZero();
        assertThat(label(lungs, 5, 5)).as("air outside the body").isZero();
    }

    @Test
    void aConsolidationBitingIntoTheLateralChestWallSideIsGivenBackToTheLung() {
        // a soft-tissue disc centred on the right lung's lateral edge: the bite is its part inside the lung ellipse
        SyntheticChest chest = SyntheticChest.twoLungs().ellipse(28, 85, 14, 14, 30);
        Volume lungs = SEGMENTER.segment(chest.volume());
        int bite = 0;
        int given = 0;
        for (int j = 0; j < 160; j++) {
            for (int i = 0; i < 100; i++) {
                double x = (i - 59.5) / 32;
                double y = (j - 80) / 50.0;
                if (x * x + y * y <= 1 && chest.at(i, j) == 30) {
                    bite++;
                    given += label(lungs, i, j) == 1 ? 1 : 0;
                }
            }
        }
        assertThat(bite).isGreaterThan(200);
        assertThat(given / (double) bite).isGreaterThan(0.9);
        assertThat(label(lungs, 15, 85)).as("chest wall beyond the lesion").isZero();
    }

    @Test
    void lungsThatTouchAreCutAlongTheBrighterJunctionLine() {
        // the lungs overlap between i = 92 and 107; a junction line (denser than lung, still below the air
        // threshold) runs at i = 104, off the midline (99.5): the cut follows it rather than the midline
        SyntheticChest chest = new SyntheticChest(200, 160)
                .ellipse(99.5, 80, 90, 70, SyntheticChest.SOFT_TISSUE)
                .ellipse(64.5, 80, 43, 50, SyntheticChest.LUNG)
                .ellipse(134.5, 80, 43, 50, SyntheticChest.LUNG)
                .box(104, 104, 45, 115, -500);
        Volume lungs = SEGMENTER.segment(chest.volume());
        for (int j = 60; j <= 100; j += 10) {
            assertThat(label(lungs, 102, j)).as("row %d left of the line", j).isEqualTo(1);
            assertThat(label(lungs, 106, j)).as("row %d right of the line", j).isEqualTo(2);
        }
        assertThat(LungOverlap.meanI(lungs, 1)).isLessThan(99.5);
    }

    @Test
    void anInfectionMaskAddsTheLesionsTouchingALungAndNothingElse() {
        // a dense lesion filling the right lung's whole lower half: too wide to be bridged from the outline alone
        SyntheticChest chest = SyntheticChest.twoLungs().box(20, 95, 85, 140, 20).ellipse(59.5, 80, 32, 50,
                SyntheticChest.LUNG).box(28, 91, 85, 130, 20);
        float[] infection = new float[200 * 160];
        for (int j = 85; j <= 130; j++) {
            for (int i = 28; i <= 91; i++) {
                double x = (i - 59.5) / 32;
                double y = (j - 80) / 50.0;
                infection[i + 200 * j] = x * x + y * y <= 1 ? 2 : 0;
            }
        }
        infection[190 + 200 * 80] = 1; // a false positive in the chest wall, touching no lung
        Volume ct = chest.volume();
        Volume mask = ct.withVoxels(infection, IntensityUnit.LABEL);
        Volume with = SEGMENTER.segment(ct, Optional.of(mask));
        assertThat(LungOverlap.insideLungs(ct.withVoxels(withoutPixel(infection, 190 + 200 * 80),
                IntensityUnit.LABEL), with)).isEqualTo(1.0);
        assertThat(label(with, 60, 120)).isEqualTo(1);
        assertThat(label(with, 190, 80)).isZero();

        // one run gives both masks, exactly as two runs with and without the infection mask do
        LungMasks.Found both = SEGMENTER.start(ct).withAndWithout(mask);
        assertThat(both.withInfection().toArray()).containsExactly(with.toArray());
        assertThat(both.withoutInfection().toArray()).containsExactly(SEGMENTER.segment(ct).toArray());
        assertThat(label(both.withoutInfection(), 60, 120)).isZero();
    }

    private static float[] withoutPixel(float[] values, int p) {
        float[] copy = values.clone();
        copy[p] = 0;
        return copy;
    }

    @Test
    void paddingOutsideACircularFieldOfViewIsOutsideTheBody() {
        // 8-bit: 0 outside the field-of-view circle, air (grey 60) between it and the body
        SyntheticChest chest = SyntheticChest.twoLungs();
        Volume grey = Window.LUNG.apply(chest.volume());
        float[] v = grey.toArray();
        for (int j = 0; j < 160; j++) {
            for (int i = 0; i < 200; i++) {
                if (Math.hypot(i - 99.5, j - 79.5) > 96) {
                    v[i + 200 * j] = 0;
                }
            }
        }
        Volume lungs = SEGMENTER.segment(grey.withVoxels(v, IntensityUnit.WINDOWED_8BIT));
        assertThat(label(lungs, 59, 80)).isEqualTo(1);
        assertThat(label(lungs, 139, 80)).isEqualTo(2);
        assertThat(label(lungs, 1, 1)).isZero();
        assertThat(label(lungs, 99, 3)).as("air between the body and the field of view").isZero();
    }

    @Test
    void aSmallRoundAirwayNearTheMidlineOfASliceIsNotLung() {
        Volume lungs = SEGMENTER.segment(SyntheticChest.twoLungs().ellipse(99.5, 60, 7, 7, -1000).volume());
        assertThat(label(lungs, 99, 60)).isZero();
    }

    @Test
    void lungsOfAnImageCroppedToTheLungBoxAreFoundWhenTheFramingIsSaid() {
        SyntheticChest chest = SyntheticChest.croppedToLungs();

        Volume lungs = new LungSegmenter(Framing.LUNG_BOX).segment(chest.volume());

        long truth = 0;
        long agree = 0;
        long found = 0;
        for (int j = 0; j < SyntheticChest.CROPPED_HEIGHT; j++) {
            for (int i = 0; i < SyntheticChest.CROPPED_WIDTH; i++) {
                int expected = chest.at(i, j) != SyntheticChest.LUNG ? 0 : i < 72 ? 1 : 2;
                int label = label(lungs, i, j);
                truth += expected != 0 ? 1 : 0;
                found += label != 0 ? 1 : 0;
                agree += expected != 0 && label == expected ? 1 : 0;
            }
        }
        assertThat(2.0 * agree / (truth + found)).as("Dice of the sided lungs").isGreaterThan(0.95);
        assertThat(label(lungs, 0, 0)).as("a corner beyond the chest wall").isZero();
        assertThatThrownBy(() -> SEGMENTER.segment(chest.volume())).as("read as an image of the whole body")
                .isInstanceOf(CovsegException.class).hasMessageStartingWith("no lung found");
    }
}
