package org.covseg.lungs;

import static org.assertj.core.api.Assertions.assertThat;

import org.covseg.image.Volume;
import org.junit.jupiter.api.Test;

/** Which air of a slice cropped to the lung box is around the patient. */
class OutsideAirTest {

    private static boolean[] air(Volume slice) {
        float[] hu = slice.toArray();
        boolean[] air = new boolean[hu.length];
        for (int p = 0; p < hu.length; p++) {
            air[p] = hu[p] < LungSegmenter.AIR_THRESHOLD_HU;
        }
        return air;
    }

    private static boolean at(boolean[] mask, int width, int i, int j) {
        return mask[i + width * j];
    }

    @Test
    void theCornersBeyondTheChestWallAreOutsideAndTheLungsThatReachTheBorderAreNot() {
        SyntheticChest chest = SyntheticChest.croppedToLungs();
        boolean[] outside = OutsideAir.of(air(chest.volume()), SyntheticChest.CROPPED_WIDTH,
                SyntheticChest.CROPPED_HEIGHT);

        int w = SyntheticChest.CROPPED_WIDTH;
        assertThat(chest.at(0, 50)).as("the right lung reaches the left border").isEqualTo(SyntheticChest.LUNG);
        assertThat(at(outside, w, 0, 50)).isFalse();
        assertThat(at(outside, w, 31, 50)).isFalse();
        assertThat(at(outside, w, w - 1, 50)).as("the left lung").isFalse();
        assertThat(at(outside, w, 0, 0)).as("a corner").isTrue();
        assertThat(at(outside, w, w - 1, SyntheticChest.CROPPED_HEIGHT - 1)).as("the opposite corner").isTrue();
    }

    @Test
    void airThatRingsTheBodyIsOutside() {
        boolean[] outside = OutsideAir.of(air(SyntheticChest.twoLungs().volume()), 200, 160);

        assertThat(at(outside, 200, 5, 5)).isTrue();
        assertThat(at(outside, 200, 100, 155)).isTrue();
        assertThat(at(outside, 200, 59, 80)).as("a lung away from the border").isFalse();
    }

    @Test
    void aBandOfAirMeetingTheBorderOnlyAtItsEndsIsTakenForLung() {
        // the limit that keeps this rule to images cropped to the lung box: between a body and a table that fill
        // the width, air runs along the border only where the band ends
        SyntheticChest slice = new SyntheticChest(100, 60).box(0, 99, 0, 39, SyntheticChest.SOFT_TISSUE)
                .box(0, 99, 48, 59, SyntheticChest.SOFT_TISSUE);

        boolean[] outside = OutsideAir.of(air(slice.volume()), 100, 60);

        assertThat(at(outside, 100, 50, 44)).isFalse();
    }
}
