package org.covseg.image;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkerFloodTest {

    @Test
    void eachVoxelGoesToTheMarkerNearestAlongTheMask() {
        // a U-shaped corridor: (0,0) is 2 steps from marker 1 at (0,2) straight down the left arm; marker 2 at
        // (4,0) is 4 steps away in a straight line but 8 along the corridor, so (0,0)..(2,2) go to marker 1.
        String[] rows = {
            "#...#",
            "#...#",
            "#####"};
        int w = 5;
        boolean[] mask = new boolean[15];
        for (int p = 0; p < 15; p++) {
            mask[p] = rows[p / w].charAt(p % w) == '#';
        }
        int[] markers = new int[15];
        markers[0 + w * 2] = 1;
        markers[4] = 2;
        int[] labels = MarkerFlood.flood(markers, mask, w, 3, 1);
        assertThat(labels[0]).isEqualTo(1);
        assertThat(labels[1 + w * 2]).isEqualTo(1);
        assertThat(labels[2 + w * 2]).isEqualTo(1); // 2 steps from marker 1, 4 from marker 2
        assertThat(labels[4 + w * 2]).isEqualTo(2);
        assertThat(labels[1]).isZero(); // outside the mask
    }

    @Test
    void voxelsUnreachableFromAnyMarkerStayUnlabelled() {
        boolean[] mask = {true, false, true};
        int[] labels = MarkerFlood.flood(new int[] {3, 0, 0}, mask, 3, 1, 1);
        assertThat(labels).containsExactly(3, 0, 0);
    }
}
