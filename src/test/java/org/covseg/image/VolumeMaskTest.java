package org.covseg.image;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VolumeMaskTest {

    @Test
    void countsTheVoxelsThatAreNotZeroOfTheVolumeOrOfOneSlice() {
        // slice 0 holds 1, 2 (two non-zero), slice 1 holds -0.5 (one)
        Volume v = Volume.builder(2, 2, 2).voxels(new float[] {0, 1, 2, 0, 0, 0, -0.5f, 0}).build();

        assertThat(v.nonZeroCount()).isEqualTo(3);
        assertThat(v.slice(0).nonZeroCount()).isEqualTo(2);
        assertThat(v.slice(1).nonZeroCount()).isEqualTo(1);
    }

    @Test
    void marksTheVoxelsAboveAThresholdOfTheVolumeOrOfOneSlice() {
        Volume v = Volume.builder(2, 2, 2).voxels(new float[] {0, 1, 2, 0, 0, 0, -0.5f, 0.25f}).build();

        assertThat(v.above(0)).containsExactly(false, true, true, false, false, false, false, true);
        assertThat(v.slice(1).above(0)).containsExactly(false, false, false, true);
        assertThat(v.above(1)).containsExactly(false, false, true, false, false, false, false, false);
    }
}
