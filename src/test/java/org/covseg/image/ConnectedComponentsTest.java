package org.covseg.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ConnectedComponentsTest {

    private static boolean[] parse(String... rows) {
        StringBuilder all = new StringBuilder();
        for (String r : rows) {
            all.append(r);
        }
        boolean[] m = new boolean[all.length()];
        for (int p = 0; p < m.length; p++) {
            m[p] = all.charAt(p) == '#';
        }
        return m;
    }

    @Test
    void sliceComponentsAreFourConnected() {
        // 5x3 slice: the diagonal pair at (0,0)/(1,1) are separate; the L of 4 pixels on the right is one.
        boolean[] m = parse(
                "#..##",
                ".#..#",
                "....#");
        ConnectedComponents c = ConnectedComponents.faceConnected(m, 5, 3, 1);
        assertThat(c.count()).isEqualTo(3);
        // labels in order of first appearance: (0,0) → 1, (3,0) → 2, (1,1) → 3
        assertThat(c.label(0)).isEqualTo(1);
        assertThat(c.label(3)).isEqualTo(2);
        assertThat(c.label(6)).isEqualTo(3);
        assertThat(c.label(1)).isZero();
        assertThat(c.size(1)).isEqualTo(1);
        assertThat(c.size(2)).isEqualTo(4);
        assertThat(c.size(3)).isEqualTo(1);
        assertThat(c.largestSize()).isEqualTo(4);
        assertThat(c.largestLabel()).isEqualTo(2);
    }

    @Test
    void volumeComponentsJoinAcrossSlicesThroughFacesOnly() {
        // 2x2x2: (0,0,0) and (0,0,1) share a face; (1,1,1) meets (0,0,1) only along an edge.
        boolean[] m = new boolean[8];
        m[0] = true;               // (0,0,0)
        m[4] = true;               // (0,0,1)
        m[3 + 4] = true;           // (1,1,1)
        ConnectedComponents c = ConnectedComponents.faceConnected(m, 2, 2, 2);
        assertThat(c.count()).isEqualTo(2);
        assertThat(c.label(0)).isEqualTo(c.label(4));
        assertThat(c.largestSize()).isEqualTo(2);
    }

    @Test
    void emptyMaskHasNoComponentsAndManyComponentsGrowTheTable() {
        assertThat(ConnectedComponents.faceConnected(new boolean[6], 3, 2, 1).largestSize()).isZero();
        assertThat(ConnectedComponents.faceConnected(new boolean[6], 3, 2, 1).largestLabel()).isZero();
        boolean[] stripes = new boolean[2 * 40];
        for (int i = 0; i < 40; i += 2) {
            stripes[i] = true; // 20 isolated pixels on row 0 of a 40x2 slice
        }
        ConnectedComponents c = ConnectedComponents.faceConnected(stripes, 40, 2, 1);
        assertThat(c.count()).isEqualTo(20);
        assertThat(c.size(20)).isEqualTo(1);
    }

    @Test
    void moreComponentsThan16BitsHoldKeepTheirLabels() {
        // 70,000 isolated voxels, then one pair: labels 65,535 and 65,536 sit on either side of the switch to int.
        int isolated = 70_000;
        boolean[] mask = new boolean[2 * isolated + 3];
        for (int i = 0; i < isolated; i++) {
            mask[2 * i] = true;
        }
        mask[2 * isolated + 1] = true;
        mask[2 * isolated + 2] = true;
        ConnectedComponents c = ConnectedComponents.faceConnected(mask, mask.length, 1, 1);

        assertThat(c.count()).isEqualTo(isolated + 1);
        assertThat(c.label(0)).isEqualTo(1);
        assertThat(c.label(2 * 65_534)).isEqualTo(65_535);
        assertThat(c.label(2 * 65_535)).isEqualTo(65_536);
        assertThat(c.label(2 * (isolated - 1))).isEqualTo(isolated);
        assertThat(c.label(2 * isolated + 2)).isEqualTo(isolated + 1);
        assertThat(c.label(1)).isZero();
        assertThat(c.size(isolated + 1)).isEqualTo(2);
        assertThat(c.largestLabel()).isEqualTo(isolated + 1);
    }

    @Test
    void aComponentLargerThanTheInitialQueueIsCountedWhole() {
        boolean[] full = new boolean[50 * 40 * 3];
        Arrays.fill(full, true);
        full[0] = false;
        ConnectedComponents c = ConnectedComponents.faceConnected(full, 50, 40, 3);
        assertThat(c.count()).isEqualTo(1);
        assertThat(c.largestSize()).isEqualTo(50 * 40 * 3 - 1);
    }

    /**
     * Filled from a corner, a 120 x 120 x 12 block has a breadth-first frontier (a diagonal plane) of more than the
     * queue's initial 1,024 voxels, so the queue grows while it has wrapped around; every voxel must still be labelled
     * once, and the components after it keep their order.
     */
    @Test
    void aFrontierLargerThanTheInitialQueueLabelsEveryVoxelOnce() {
        int w = 120;
        int h = 120;
        boolean[] mask = new boolean[w * h * 14];
        Arrays.fill(mask, 0, w * h * 12, true);
        mask[w * h * 13 + 5] = true;
        mask[w * h * 13 + 7] = true;
        ConnectedComponents c = ConnectedComponents.faceConnected(mask, w, h, 14);
        assertThat(c.count()).isEqualTo(3);
        assertThat(c.size(1)).isEqualTo(w * h * 12L);
        assertThat(c.size(2)).isEqualTo(1);
        assertThat(c.size(3)).isEqualTo(1);
        for (int p = 0; p < w * h * 12; p++) {
            assertThat(c.label(p)).isEqualTo(1);
        }
        assertThat(c.label(w * h * 13 + 5)).isEqualTo(2);
        assertThat(c.label(w * h * 13 + 7)).isEqualTo(3);
        assertThat(c.label(w * h * 13 + 6)).isZero();
    }

    @Test
    void rejectsAMaskOfTheWrongLength() {
        assertThatThrownBy(() -> ConnectedComponents.faceConnected(new boolean[5], 2, 2, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
