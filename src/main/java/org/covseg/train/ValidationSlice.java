package org.covseg.train;

/** One validation slice: the predicted probability and the ground truth (values in [0, 1]), row-major, height×width. */
public record ValidationSlice(float[] probability, float[] truth, int height, int width) {

    public ValidationSlice {
        if (probability.length != height * width || truth.length != height * width) {
            throw new IllegalArgumentException("a " + height + "x" + width + " slice needs " + height * width
                    + " values, got " + probability.length + " and " + truth.length);
        }
    }
}
