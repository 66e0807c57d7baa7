package org.covseg.metrics;

/** Checks that row-major pixel arrays match the image size they are given with. */
final class Shapes {

    private Shapes() {
    }

    static int pixelCount(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
        return Math.multiplyExact(width, height);
    }

    static void requireLength(String what, int length, int width, int height) {
        if (length != pixelCount(width, height)) {
            throw new IllegalArgumentException(what + " has " + length + " pixels, expected " + width + "x" + height);
        }
    }

    static void requireSameLength(String what, int length, String other, int otherLength) {
        if (length != otherLength) {
            throw new IllegalArgumentException(what + " has " + length + " pixels but " + other + " has " + otherLength);
        }
    }
}
