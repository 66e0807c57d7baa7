package org.covseg.image;

/**
 * The face neighbours (6 in a volume, 4 in a single slice) of a voxel of a width x height x depth grid stored in
 * (i, j, k) order as in {@link Volume}, clipped to the grid.
 */
public final class FaceNeighbours {

    private final int width;
    private final int height;
    private final int depth;
    private final int plane;

    public FaceNeighbours(int width, int height, int depth) {
        this.width = width;
        this.height = height;
        this.depth = depth;
        this.plane = width * height;
    }

    /** Writes the indices of p's face neighbours inside the grid to {@code out} (length ≥ 6); returns how many. */
    public int of(int p, int[] out) {
        int i = p % width;
        int j = (p / width) % height;
        int k = p / plane;
        int n = 0;
        if (i > 0) {
            out[n++] = p - 1;
        }
        if (i < width - 1) {
            out[n++] = p + 1;
        }
        if (j > 0) {
            out[n++] = p - width;
        }
        if (j < height - 1) {
            out[n++] = p + width;
        }
        if (k > 0) {
            out[n++] = p - plane;
        }
        if (k < depth - 1) {
            out[n++] = p + plane;
        }
        return n;
    }
}
