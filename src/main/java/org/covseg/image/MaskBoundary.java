package org.covseg.image;

/** The one-pixel boundaries of a binary mask: 2-D (row-major, 4-neighbourhood) or 3-D (i fastest, 6-neighbourhood). */
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

    /**
     * Mask voxels of a 3-D mask (i fastest, then j, then k) with at least one face neighbour outside the mask
     * (voxels outside the grid count as outside).
     */
    public static boolean[] inner(boolean[] mask, int width, int height, int depth) {
        if (depth <= 0) {
            throw new IllegalArgumentException("depth must be positive, got " + depth);
        }
        int plane = width * height;
        requireSize(mask, width, height * depth);
        boolean[] edge = new boolean[mask.length];
        for (int k = 0; k < depth; k++) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int p = k * plane + y * width + x;
                    edge[p] = mask[p] && (x == 0 || !mask[p - 1] || x == width - 1 || !mask[p + 1]
                            || y == 0 || !mask[p - width] || y == height - 1 || !mask[p + width]
                            || k == 0 || !mask[p - plane] || k == depth - 1 || !mask[p + plane]);
                }
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
