package org.covseg.evaluation;

/** A binary ground-truth mask, row-major ({@code pixels[y * width + x]}). */
public record TruthMask(boolean[] pixels, int width, int height) {

    public TruthMask {
        requireSize("a mask", pixels.length, width, height);
    }

    static void requireSize(String what, int length, int width, int height) {
        if (width <= 0 || height <= 0 || length != (long) width * height) {
            throw new IllegalArgumentException(what + " of " + width + "x" + height + " cannot hold " + length
                    + " pixels");
        }
    }

    public long count() {
        long n = 0;
        for (boolean p : pixels) {
            if (p) {
                n++;
            }
        }
        return n;
    }
}
