package org.covseg.image;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MorphologyTest {

    private static final double[] UNIT = {1, 1, 1};

    private static int count(boolean[] m) {
        int n = 0;
        for (boolean b : m) {
            n += b ? 1 : 0;
        }
        return n;
    }

    @Test
    void dilatingAPointGivesADiscOfTheRadius() {
        boolean[] point = new boolean[11 * 11];
        point[5 + 11 * 5] = true;
        // integer points within distance 2 of the centre: 13
        assertThat(count(Morphology.dilateInPlane(point, 11, 11, 1, UNIT, 2))).isEqualTo(13);
        // with 0.5 mm pixels the same 2 mm reach covers 4 pixels: 49 points within distance 4
        assertThat(count(Morphology.dilateInPlane(point, 11, 11, 1, new double[] {0.5, 0.5, 1}, 2))).isEqualTo(49);
    }

    @Test
    void closingFillsANarrowGapAndOpeningRemovesAThinLine() {
        int w = 20;
        int h = 9;
        boolean[] twoBlocks = new boolean[w * h];
        boolean[] blockAndLine = new boolean[w * h];
        for (int j = 1; j < 8; j++) {
            for (int i = 1; i < 19; i++) {
                twoBlocks[i + w * j] = i != 10; // a 1-pixel gap at column 10
                blockAndLine[i + w * j] = i < 10 || j == 4; // a 7x9 block with a 1-pixel line sticking out
            }
        }
        boolean[] closed = Morphology.closeInPlane(twoBlocks, w, h, 1, UNIT, 2);
        for (int j = 1; j < 8; j++) {
            assertThat(closed[10 + w * j]).as("gap row %d", j).isTrue();
        }
        boolean[] opened = Morphology.openInPlane(blockAndLine, w, h, 1, UNIT, 1);
        assertThat(opened[15 + w * 4]).isFalse();
        assertThat(opened[5 + w * 4]).isTrue();
    }
}
