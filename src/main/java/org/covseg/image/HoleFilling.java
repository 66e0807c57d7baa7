package org.covseg.image;

import java.util.stream.IntStream;

/**
 * Slice-by-slice operations on a binary mask laid out like {@link ConnectedComponents} (index
 * {@code i + width * (j + height * k)}), done in each axial slice on its own, 4-connected.
 *
 * <p>A region touching the slice's border is open; anything it encloses is a hole. Holes are found by flooding
 * the background from the border (4-connected), so a mask whose outline is only 8-connected still encloses its
 * hole, the usual pairing of connectivities.
 */
public final class HoleFilling {

    private HoleFilling() {
    }

    /** The mask's voxels 4-connected, within their slice, to a mask voxel on that slice's border. */
    public static boolean[] connectedToBorder(boolean[] mask, int width, int height, int depth) {
        requireGrid(mask, width, height, depth);
        boolean[] reached = new boolean[mask.length];
        IntStream.range(0, depth).parallel().forEach(k -> floodFromBorder(mask, reached, width, height, k));
        return reached;
    }

    /** The mask with every hole of every slice filled: the voxels not reachable from the slice border. */
    public static boolean[] fill(boolean[] mask, int width, int height, int depth) {
        requireGrid(mask, width, height, depth);
        boolean[] filled = mask.clone();
        IntStream.range(0, depth).parallel().forEach(k -> fillSlice(mask, filled, width, height, k));
        return filled;
    }

    /**
     * Fills, in place, the holes of the voxels labelled {@code label}: a voxel of no label (0) that {@link #fill}
     * would add to the {@code label} mask gets that label. Slice by slice, so that no whole-volume mask is made.
     */
    public static void fillLabel(byte[] labels, byte label, int width, int height, int depth) {
        if (labels.length != width * height * depth) {
            throw new IllegalArgumentException("labels hold " + labels.length + " voxels, not " + width + "x" + height
                    + "x" + depth);
        }
        int plane = width * height;
        IntStream.range(0, depth).parallel().forEach(k -> {
            boolean[] mask = new boolean[plane];
            for (int q = 0; q < plane; q++) {
                mask[q] = labels[k * plane + q] == label;
            }
            boolean[] filled = mask.clone();
            fillSlice(mask, filled, width, height, 0);
            for (int q = 0; q < plane; q++) {
                if (filled[q] && labels[k * plane + q] == 0) {
                    labels[k * plane + q] = label;
                }
            }
        });
    }

    /**
     * Fills slice k's holes, flooding the background only inside the mask's bounding box there: outside that box
     * everything is background joined to the slice border, so the box's edge stands for the border.
     */
    private static void fillSlice(boolean[] mask, boolean[] filled, int width, int height, int k) {
        int base = k * width * height;
        int i0 = width;
        int i1 = -1;
        int j0 = height;
        int j1 = -1;
        for (int j = 0; j < height; j++) {
            for (int i = 0; i < width; i++) {
                if (mask[base + i + width * j]) {
                    i0 = Math.min(i0, i);
                    i1 = Math.max(i1, i);
                    j0 = Math.min(j0, j);
                    j1 = Math.max(j1, j);
                }
            }
        }
        if (i1 < 0) {
            return;
        }
        int bw = i1 - i0 + 1;
        int bh = j1 - j0 + 1;
        boolean[] background = new boolean[bw * bh];
        for (int j = 0; j < bh; j++) {
            for (int i = 0; i < bw; i++) {
                background[i + bw * j] = !mask[base + i0 + i + width * (j0 + j)];
            }
        }
        boolean[] open = new boolean[background.length];
        floodFromBorder(background, open, bw, bh, 0);
        for (int j = 0; j < bh; j++) {
            for (int i = 0; i < bw; i++) {
                if (background[i + bw * j] && !open[i + bw * j]) {
                    filled[base + i0 + i + width * (j0 + j)] = true;
                }
            }
        }
    }

    private static void floodFromBorder(boolean[] mask, boolean[] reached, int width, int height, int k) {
        int base = k * width * height;
        int[] queue = new int[width * height];
        int tail = 0;
        for (int i = 0; i < width; i++) {
            tail = visit(mask, reached, queue, tail, base + i);
            tail = visit(mask, reached, queue, tail, base + i + width * (height - 1));
        }
        for (int j = 1; j < height - 1; j++) {
            tail = visit(mask, reached, queue, tail, base + width * j);
            tail = visit(mask, reached, queue, tail, base + width - 1 + width * j);
        }
        for (int head = 0; head < tail; head++) {
            int p = queue[head];
            int i = (p - base) % width;
            int j = (p - base) / width;
            if (i > 0) {
                tail = visit(mask, reached, queue, tail, p - 1);
            }
            if (i < width - 1) {
                tail = visit(mask, reached, queue, tail, p + 1);
            }
            if (j > 0) {
                tail = visit(mask, reached, queue, tail, p - width);
            }
            if (j < height - 1) {
                tail = visit(mask, reached, queue, tail, p + width);
            }
        }
    }

    private static int visit(boolean[] mask, boolean[] reached, int[] queue, int tail, int p) {
        if (mask[p] && !reached[p]) {
            reached[p] = true;
            queue[tail++] = p;
        }
        return tail;
    }

    static void requireGrid(boolean[] mask, int width, int height, int depth) {
        if (width <= 0 || height <= 0 || depth <= 0 || mask.length != (long) width * height * depth) {
            throw new IllegalArgumentException("mask of " + mask.length + " values does not fit a "
                    + width + "x" + height + "x" + depth + " grid");
        }
    }
}
