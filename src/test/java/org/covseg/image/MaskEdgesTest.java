package org.covseg.image;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskEdgesTest {

    @Test
    void marksBothSidesOfTheBoundary() {
        // 5x1 strip: mask 0 0 1 1 1 → boundary between x=1 and x=2
        float[] edges = MaskEdges.of(new float[] {0, 0, 1, 1, 1}, 5, 1, 1);
        assertThat(edges).containsExactly(0, 1, 1, 0, 0);
    }

    @Test
    void squareGivesARing() {
        float[] mask = new float[36];
        for (int y = 1; y <= 4; y++) {
            for (int x = 1; x <= 4; x++) {
                mask[y * 6 + x] = 1;
            }
        }
        float[] edges = MaskEdges.of(mask, 6, 6, 1);
        // all 36 pixels touch the boundary except the 2x2 centre (x, y in 2..3)
        int count = 0;
        for (float e : edges) {
            count += (int) e;
        }
        assertThat(count).isEqualTo(32);
        assertThat(edges[2 * 6 + 2]).isZero();
    }

    @Test
    void emptyMaskHasNoEdges() {
        assertThat(MaskEdges.of(new float[9], 3, 3, 1)).containsOnly(0f);
    }
}
