package org.covseg.pretrain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.covseg.nn.NDManagerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NDManagerExtension.class)
class CoachMasksTest {

    /** Logits 1, 4, 2, 3 with 3 of 4 cells kept: the threshold is the third largest logit, 2. */
    @Test
    void softMaskIsSigmoidOfAlphaTimesLogitMinusTheKthLargest(NDManager manager) {
        NDArray logits = manager.create(new float[] {1, 4, 2, 3}, new Shape(1, 1, 2, 2));
        float[] soft = CoachMasks.soft(logits, 0.75, 1).toFloatArray();
        assertThat(soft[0]).isCloseTo(0.268941f, within(1e-5f));
        assertThat(soft[1]).isCloseTo(0.880797f, within(1e-5f));
        assertThat(soft[2]).isCloseTo(0.5f, within(1e-6f));
        assertThat(soft[3]).isCloseTo(0.731059f, within(1e-5f));
        assertThat(CoachMasks.binary(logits, 0.75).toFloatArray()).containsExactly(0, 1, 1, 1);
    }

    @Test
    void thresholdIsPerSlice(NDManager manager) {
        NDArray logits = manager.create(new float[] {1, 4, 2, 3, 40, 10, 30, 20}, new Shape(2, 1, 2, 2));
        assertThat(CoachMasks.binary(logits, 0.5).toFloatArray()).containsExactly(0, 1, 0, 1, 1, 0, 1, 0);
    }

    @Test
    void cellsCoverSixteenPixelsSquare(NDManager manager) {
        NDArray cells = manager.create(new float[] {1, 0, 0, 1}, new Shape(1, 1, 2, 2));
        NDArray pixels = CoachMasks.toPixels(cells);
        assertThat(pixels.getShape()).isEqualTo(new Shape(1, 1, 32, 32));
        float[] p = pixels.toFloatArray();
        assertThat(p[0]).isEqualTo(1);
        assertThat(p[15 * 32 + 15]).isEqualTo(1);
        assertThat(p[15 * 32 + 16]).isEqualTo(0);
        assertThat(p[16 * 32 + 15]).isEqualTo(0);
        assertThat(p[31 * 32 + 31]).isEqualTo(1);
    }
}
