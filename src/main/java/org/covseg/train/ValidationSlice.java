package org.covseg.train;

import java.util.Arrays;

/**
 * One validation slice: the predicted probability and the ground truth (values in [0, 1]), channel-major,
 * channels×height×width (one channel for a single-class model; one per class for multi-class targets).
 */
public record ValidationSlice(float[] probability, float[] truth, int channels, int height, int width) {

    public ValidationSlice {
        int values = channels * height * width;
        if (channels < 1 || probability.length != values || truth.length != values) {
            throw new IllegalArgumentException("a " + channels + "x" + height + "x" + width + " slice needs " + values
                    + " values, got " + probability.length + " and " + truth.length);
        }
    }

    /** A single-channel slice. */
    public ValidationSlice(float[] probability, float[] truth, int height, int width) {
        this(probability, truth, 1, height, width);
    }

    /** Channel {@code c} of the probability, height×width. */
    public float[] probability(int c) {
        return plane(probability, c);
    }

    /** Channel {@code c} of the ground truth, height×width. */
    public float[] truth(int c) {
        return plane(truth, c);
    }

    /** Channel {@code c} of the ground truth binarised at 0.5 (targets are soft after resizing). */
    public boolean[] truthMask(int c) {
        float[] target = truth(c);
        boolean[] mask = new boolean[target.length];
        for (int p = 0; p < mask.length; p++) {
            mask[p] = target[p] > 0.5f;
        }
        return mask;
    }

    private float[] plane(float[] values, int c) {
        int plane = height * width;
        return Arrays.copyOfRange(values, c * plane, (c + 1) * plane);
    }
}
