package org.covseg.image;

import java.util.Arrays;

/**
 * The face-connected components of a binary mask on a width x height x depth grid stored in (i, j, k) order
 * (index {@code i + width * (j + height * k)}, as in {@link Volume}). Two voxels are connected when they share a
 * face: 6-connectivity in a volume, which on a depth-1 grid is the 4-connectivity of a 2-D slice.
 */
public final class ConnectedComponents {

    /** Labels fit in 16 bits (half the memory of a whole CT's int labels, 282 MB for 537 slices of 512²)... */
    private final char[] smallLabels;
    /** ...until there are more components than that; then these hold them (exactly one of the two is null). */
    private final int[] labels;
    private final long[] sizes;

    private ConnectedComponents(char[] smallLabels, int[] labels, long[] sizes) {
        this.smallLabels = smallLabels;
        this.labels = labels;
        this.sizes = sizes;
    }

    /** Labels the components of {@code mask} 1, 2, ... in the order their first voxel appears in the array. */
    public static ConnectedComponents faceConnected(boolean[] mask, int width, int height, int depth) {
        long n = (long) width * height * depth;
        if (width <= 0 || height <= 0 || depth <= 0 || mask.length != n) {
            throw new IllegalArgumentException("mask of " + mask.length + " values does not fit a "
                    + width + "x" + height + "x" + depth + " grid");
        }
        return new Labelling(mask, width, height, depth).run();
    }

    /** Breadth-first flood fill from each unlabelled voxel; the queue grows with the largest component only. */
    private static final class Labelling {
        private final boolean[] mask;
        private final int width;
        private final int height;
        private final int depth;
        private char[] smallLabels;
        private int[] labels;
        /** The breadth-first frontier as a ring buffer (power-of-two capacity): it holds a surface, not a volume. */
        private int[] queue = new int[1024];
        private int head;
        private int queued;

        Labelling(boolean[] mask, int width, int height, int depth) {
            this.mask = mask;
            this.width = width;
            this.height = height;
            this.depth = depth;
            this.smallLabels = new char[mask.length];
        }

        private int labelOf(int p) {
            return smallLabels != null ? smallLabels[p] : labels[p];
        }

        /** Moves the labels to 32 bits when {@code label} is the first that 16 bits cannot hold. */
        private void makeRoomFor(int label) {
            if (smallLabels != null && label > Character.MAX_VALUE) {
                labels = new int[smallLabels.length];
                for (int p = 0; p < labels.length; p++) {
                    labels[p] = smallLabels[p];
                }
                smallLabels = null;
            }
        }

        ConnectedComponents run() {
            long[] sizes = new long[16];
            int count = 0;
            for (int seed = 0; seed < mask.length; seed++) {
                if (mask[seed] && labelOf(seed) == 0) {
                    count++;
                    makeRoomFor(count);
                    if (count > sizes.length) {
                        sizes = Arrays.copyOf(sizes, sizes.length * 2);
                    }
                    sizes[count - 1] = fill(seed, count);
                }
            }
            return new ConnectedComponents(smallLabels, labels, Arrays.copyOf(sizes, count));
        }

        private int fill(int seed, int label) {
            int plane = width * height;
            head = 0;
            queued = 0;
            int filled = 0;
            visit(seed, label);
            while (queued > 0) {
                int p = queue[head];
                head = (head + 1) & (queue.length - 1);
                queued--;
                filled++;
                int i = p % width;
                int j = (p / width) % height;
                int k = p / plane;
                if (i > 0) {
                    visit(p - 1, label);
                }
                if (i < width - 1) {
                    visit(p + 1, label);
                }
                if (j > 0) {
                    visit(p - width, label);
                }
                if (j < height - 1) {
                    visit(p + width, label);
                }
                if (k > 0) {
                    visit(p - plane, label);
                }
                if (k < depth - 1) {
                    visit(p + plane, label);
                }
            }
            return filled;
        }

        private void visit(int q, int label) {
            if (mask[q] && labelOf(q) == 0) {
                if (smallLabels != null) {
                    smallLabels[q] = (char) label;
                } else {
                    labels[q] = label;
                }
                if (queued == queue.length) {
                    growQueue();
                }
                queue[(head + queued) & (queue.length - 1)] = q;
                queued++;
            }
        }

        private void growQueue() {
            int[] bigger = new int[2 * queue.length];
            for (int n = 0; n < queued; n++) {
                bigger[n] = queue[(head + n) & (queue.length - 1)];
            }
            queue = bigger;
            head = 0;
        }
    }

    public int count() {
        return sizes.length;
    }

    /** Component label of voxel p: 0 for background, else 1..count(). */
    public int label(int p) {
        return smallLabels != null ? smallLabels[p] : labels[p];
    }

    /** Voxel count of component {@code label} (1..count()). */
    public long size(int label) {
        return sizes[label - 1];
    }

    /** Label of the largest component (the first of equal ones), 0 when the mask is empty. */
    public int largestLabel() {
        int largest = 0;
        for (int label = 1; label <= sizes.length; label++) {
            if (largest == 0 || sizes[label - 1] > sizes[largest - 1]) {
                largest = label;
            }
        }
        return largest;
    }

    /** Voxel count of the largest component, 0 when the mask is empty. */
    public long largestSize() {
        long max = 0;
        for (long s : sizes) {
            max = Math.max(max, s);
        }
        return max;
    }
}
