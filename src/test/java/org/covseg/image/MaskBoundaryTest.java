package org.covseg.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MaskBoundaryTest {

    @Test
    void innerKeepsPixelsTouchingTheOutsideOrTheImageEdge() {
        // 3x3 full mask: all but the centre are boundary (the image edge counts as outside).
        boolean[] full = {true, true, true, true, true, true, true, true, true};
        assertThat(MaskBoundary.inner(full, 3, 3))
                .containsExactly(true, true, true, true, false, true, true, true, true);
    }

    @Test
    void outerRingsTheMaskFromOutside() {
        // A single pixel at (1, 1) of a 4x3 image: its four neighbours, not the diagonals, not itself.
        boolean[] dot = new boolean[12];
        dot[4 + 1] = true;
        assertThat(MaskBoundary.outer(dot, 4, 3)).containsExactly(
                false, true, false, false,
                true, false, true, false,
                false, true, false, false);
        assertThat(MaskBoundary.outer(new boolean[12], 4, 3)).containsOnly(false);
    }

    @Test
    void rejectsMismatchedSizes() {
        assertThatThrownBy(() -> MaskBoundary.outer(new boolean[5], 2, 2))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
