package org.covseg.data.augment;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A square hole in the network's input: {@code side x side} pixels at ({@code left}, {@code top}) set to one value in
 * every channel. The label planes are left alone, so the network must infer what lies under the hole.
 */
public record Cutout(int left, int top, int side) {

    /**
     * A square covering {@code fraction} of a {@code size x size} plane's area (its side rounded to whole pixels),
     * placed uniformly within the plane.
     */
    public static Cutout draw(double fraction, int size, SplittableRandom random) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("cutout fraction must be in (0, 1], got " + fraction);
        }
        int side = (int) Math.min(size, Math.max(1, Math.round(Math.sqrt(fraction) * size)));
        return new Cutout(random.nextInt(size - side + 1), random.nextInt(size - side + 1), side);
    }

    /** Fills the hole in each of the {@code channels} consecutive {@code size x size} planes of {@code image}. */
    public void fill(float[] image, int channels, int size, float value) {
        if (image.length != channels * size * size || left + side > size || top + side > size) {
            throw new IllegalArgumentException("a " + side + " px cutout at (" + left + ", " + top
                    + ") does not fit " + channels + " planes of " + size + "x" + size + " in " + image.length
                    + " values");
        }
        for (int ch = 0; ch < channels; ch++) {
            for (int y = top; y < top + side; y++) {
                int row = (ch * size + y) * size;
                Arrays.fill(image, row + left, row + left + side, value);
            }
        }
    }
}
