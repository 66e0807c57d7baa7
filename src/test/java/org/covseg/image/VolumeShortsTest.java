package org.covseg.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VolumeShortsTest {

    /** 4 x 3 x 2 whole numbers from -32768 to 32767, as a CT in HU read from 16-bit voxels holds. */
    private static Volume wholeNumbers() {
        float[] voxels = new float[24];
        for (int p = 0; p < voxels.length; p++) {
            voxels[p] = p * 2849 - 32768;
        }
        voxels[23] = 32767;
        return Volume.builder(4, 3, 2).voxels(voxels).spacing(0.7, 0.7, 2.5).meta("k", "v").build();
    }

    @Test
    void wholeNumbersAreHeldIn16BitsWithTheSameValuesEverywhere() {
        Volume floats = wholeNumbers();
        Volume shorts = floats.asShortsIfWhole();

        assertThat(shorts.isShorts()).isTrue();
        assertThat(floats.isShorts()).isFalse();
        SameVoxels.assertReadsAs(shorts, floats);
        assertThat(shorts.get(3, 2, 1)).isEqualTo(32767);
        assertThat(shorts.get(0, 0, 0)).isEqualTo(-32768);
        Voxels read = shorts.readOnlyVoxels();
        assertThat(read.length()).isEqualTo(24);
        for (int p = 0; p < 24; p++) {
            assertThat(read.at(p)).isEqualTo(floats.toArray()[p]);
        }
        Volume copy = shorts.copy();
        assertThat(copy.isShorts()).isTrue();
        copy.set(0, 0, 0, 5);
        assertThat(shorts.get(0, 0, 0)).isEqualTo(-32768);
        assertThat(shorts.slice(1).copy().toArray()).containsExactly(floats.sliceArray(1));
    }

    @Test
    void anythingElseStaysFloat() {
        Volume fraction = Volume.builder(2, 1, 1).voxels(new float[] {1, 0.5f}).build();
        assertThat(fraction.asShortsIfWhole()).isSameAs(fraction);
        Volume tooLarge = Volume.builder(2, 1, 1).voxels(new float[] {1, 32768}).build();
        assertThat(tooLarge.asShortsIfWhole()).isSameAs(tooLarge);
        Volume labels = Volume.builder(2, 1, 1).build().asLabels();
        assertThat(labels.asShortsIfWhole()).isSameAs(labels);
    }

    @Test
    void aValueThat16BitsCannotHoldIsRefused() {
        Volume shorts = wholeNumbers().asShortsIfWhole();
        assertThatThrownBy(() -> shorts.set(0, 0, 0, 0.5f)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> shorts.set(0, 0, 0, 40000)).isInstanceOf(IllegalArgumentException.class);
        shorts.set(0, 0, 0, -1000);
        assertThat(shorts.get(0, 0, 0)).isEqualTo(-1000);
    }

    @Test
    void aReorientationKeepsThe16Bits() {
        Volume floats = wholeNumbers();
        Reorientation r = new Reorientation(new int[] {1, 0, 2}, new boolean[] {true, false, true});
        Volume reoriented = r.apply(floats.asShortsIfWhole());
        assertThat(reoriented.isShorts()).isTrue();
        assertThat(reoriented.toArray()).containsExactly(r.apply(floats).toArray());
    }
}
