package org.covseg.image;

/** The one-pixel boundaries of a 2-D binary mask (row-major, 4-neighbourhood). */
public final class MaskBoundary {

    private MaskBoundary() {
    }

    /** Mask pixels with at least one 4-neighbour outside the mask (pixels outside the image count as outside). */
    public static boolean[] inner(boolean[] mask, int width, int height) {
        requireSize(mask, width, height);
        boolean[] edge = new boolean[mask.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int p = y * width + x;
                edge[p] = mask[p] && (x == 0 || !mask[p - 1] || x == width - 1 || !mask[p + 1]
                        || y == 0 || !mask[p - width] || y == height - 1 || !mask[p + width]);
            }
        }
        return edge;
    }

    /** Pixels outside the mask with at least one 4-neighbour in it: a contour that leaves the mask visible. */
    public static boolean[] outer(boolean[] mask, int width, int height) {
        requireSize(mask, width, height);
        boolean[] edge = new boolean[mask.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int p = y * width + x;
                edge[p] = !mask[p] && ((x > 0 && mask[p - 1]) || (x < width - 1 && mask[p + 1])
                        || (y > 0 && mask[p - width]) || (y < height - 1 && mask[p + width]));
            }
        }
        return edge;
    }

    private static void requireSize(boolean[] mask, int width, int height) {
        if (width <= 0 || height <= 0 || mask.length != (long) width * height) {
            throw new IllegalArgumentException("mask of " + mask.length + " pixels does not fit " + width + "x"
                    + height);
        }
    }
}
