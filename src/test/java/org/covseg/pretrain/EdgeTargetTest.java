package org.covseg.pretrain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EdgeTargetTest {

    @Test
    void flatImageHasNoEdges() {
        float[] grey = new float[16];
        java.util.Arrays.fill(grey, 0.5f);
        assertThat(EdgeTarget.of(grey, 4)).containsOnly(0f);
    }

    /** A black-to-white step between columns 1 and 2: Sobel gives 4 on both sides of it (→ 1), 0 elsewhere. */
    @Test
    void fullStepScoresOneOnBothSides() {
        float[] grey = new float[16];
        for (int y = 0; y < 4; y++) {
            grey[y * 4 + 2] = 1;
            grey[y * 4 + 3] = 1;
        }
        float[] edge = EdgeTarget.of(grey, 4);
        for (int y = 0; y < 4; y++) {
            assertThat(new float[] {edge[y * 4], edge[y * 4 + 1], edge[y * 4 + 2], edge[y * 4 + 3]})
                    .containsExactly(0, 1, 1, 0);
        }
    }

    /** A half step (0 → 0.5) scores 0.5. */
    @Test
    void halfStepScoresHalf() {
        float[] grey = new float[16];
        for (int y = 0; y < 4; y++) {
            grey[y * 4 + 2] = 0.5f;
            grey[y * 4 + 3] = 0.5f;
        }
        assertThat(EdgeTarget.of(grey, 4)[1]).isEqualTo(0.5f);
    }
}
