package org.covseg.data.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PlaneWarpTest {

    /** 3x3 plane 1..9, row-major: row 0 is 1 2 3. */
    private static final float[] NINE = {1, 2, 3, 4, 5, 6, 7, 8, 9};

    @Test
    void flipsMirrorExactly() {
        assertThat(PlaneWarp.flipX(3).apply(NINE, 3, -1)).containsExactly(3, 2, 1, 6, 5, 4, 9, 8, 7);
        assertThat(PlaneWarp.flipY(3).apply(NINE, 3, -1)).containsExactly(7, 8, 9, 4, 5, 6, 1, 2, 3);
    }

    @Test
    void quarterTurnsRotateClockwiseExactly() {
        assertThat(PlaneWarp.quarterTurns(1, 3).apply(NINE, 3, -1)).containsExactly(7, 4, 1, 8, 5, 2, 9, 6, 3);
        assertThat(PlaneWarp.quarterTurns(2, 3).apply(NINE, 3, -1)).containsExactly(9, 8, 7, 6, 5, 4, 3, 2, 1);
        float[] even = new float[16];
        for (int p = 0; p < even.length; p++) {
            even[p] = p * 1.37f;
        }
        PlaneWarp four = PlaneWarp.quarterTurns(1, 4).then(PlaneWarp.quarterTurns(3, 4));
        assertThat(four.apply(even, 4, -1)).containsExactly(even);
        // the top-left pixel of an even-sized plane goes to the top-right corner
        assertThat(PlaneWarp.quarterTurns(1, 4).apply(even, 4, -1)[3]).isEqualTo(even[0]);
    }

    @Test
    void aRightAngleRotationIsAQuarterTurn() {
        float[] turned = PlaneWarp.rotation(Math.PI / 2, 3).apply(NINE, 3, -1);
        float[] quarter = PlaneWarp.quarterTurns(1, 3).apply(NINE, 3, -1);
        for (int p = 0; p < 9; p++) {
            assertThat(turned[p]).isCloseTo(quarter[p], within(1e-5f));
        }
    }

    @Test
    void rotatedCornersComeFromOutsideAndTakeTheFill() {
        float[] ones = new float[64 * 64];
        Arrays.fill(ones, 1);
        float[] turned = PlaneWarp.rotation(Math.toRadians(45), 64).apply(ones, 64, 0);
        assertThat(turned[0]).isZero();
        assertThat(turned[64 * 64 - 1]).isZero();
        assertThat(turned[32 * 64 + 32]).isEqualTo(1);
    }

    @Test
    void cropResizeKeepsAConstantAndStretchesARamp() {
        int size = 16;
        float[] constant = new float[size * size];
        Arrays.fill(constant, 42);
        assertThat(PlaneWarp.crop(3.3, 1.7, 12.5, size).apply(constant, size, 0)).containsOnly(42);

        float[] ramp = new float[size * size];
        for (int p = 0; p < ramp.length; p++) {
            ramp[p] = p % size;
        }
        // the left half from x = 4: output x samples 4 + (x + 0.5)/2 - 0.5 = 3.75 + x/2
        float[] out = PlaneWarp.crop(4, 0, 8, size).apply(ramp, size, 0);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                assertThat(out[y * size + x]).as("x=%d y=%d", x, y).isCloseTo(3.75f + x / 2f, within(1e-5f));
            }
        }
    }

    @Test
    void theWholePlaneAsACropIsTheIdentity() {
        assertThat(PlaneWarp.crop(0, 0, 3, 3).apply(NINE, 3, -1)).containsExactly(NINE);
    }
}
