package org.covseg.image;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Exact Euclidean distance transforms of a binary mask (layout as in {@link ConnectedComponents}), in millimetres
 * with the grid's voxel spacing, in linear time: one pass per axis of the lower envelope of parabolas
 * (Felzenszwalb and Huttenlocher, "Distance Transforms of Sampled Functions", Theory of Computing 8, 2012).
 *
 * <p>Each mask voxel gets its distance to the nearest voxel outside the mask; voxels outside the mask get 0. The
 * grid's edge is not background: a mask running off the grid is taken to continue beyond it (a lung cut by the
 * first or last slice of a scan is not thin there). A mask without any background voxel is at infinite distance.
 */
public final class DistanceTransform {

    private DistanceTransform() {
    }

    /** Distances in 3-D (i, j and k). */
    public static float[] toBackground(boolean[] mask, int width, int height, int depth, double[] spacing) {
        return distances(mask, width, height, depth, spacing, true);
    }

    /** Distances within each axial slice (i and j only): every slice on its own. */
    public static float[] toBackgroundInPlane(boolean[] mask, int width, int height, int depth, double[] spacing) {
        return distances(mask, width, height, depth, spacing, false);
    }

    /**
     * Squared distances in 3-D, in doubles: for measurements reported to the last digit, where a float distance
     * would print 0.7 mm as 0.699999988.
     */
    public static double[] squaredToBackground(boolean[] mask, int width, int height, int depth, double[] spacing) {
        requireGrid(mask, width, height, depth, spacing);
        double[] squared = new double[mask.length];
        for (int p = 0; p < mask.length; p++) {
            squared[p] = mask[p] ? Double.POSITIVE_INFINITY : 0;
        }
        sweep((e, start, stride, n, s) -> e.along(squared, start, stride, n, s), width, height, depth, spacing, true);
        return squared;
    }

    private static float[] distances(boolean[] mask, int width, int height, int depth, double[] spacing,
            boolean acrossSlices) {
        requireGrid(mask, width, height, depth, spacing);
        float[] squared = new float[mask.length];
        for (int p = 0; p < mask.length; p++) {
            squared[p] = mask[p] ? Float.POSITIVE_INFINITY : 0;
        }
        sweep((e, start, stride, n, s) -> e.along(squared, start, stride, n, s), width, height, depth, spacing,
                acrossSlices);
        for (int p = 0; p < squared.length; p++) {
            squared[p] = (float) Math.sqrt(squared[p]);
        }
        return squared;
    }

    private static void requireGrid(boolean[] mask, int width, int height, int depth, double[] spacing) {
        HoleFilling.requireGrid(mask, width, height, depth);
        if (spacing.length != 3 || !(spacing[0] > 0 && spacing[1] > 0 && spacing[2] > 0)) {
            throw new IllegalArgumentException("spacing must be three positive values, got "
                    + Arrays.toString(spacing));
        }
    }

    /** One grid line of the squared distances, transformed in place by an envelope. */
    private interface Line {
        void along(Envelope e, int start, int stride, int n, double spacing);
    }

    private static void sweep(Line line, int width, int height, int depth, double[] spacing, boolean acrossSlices) {
        int plane = width * height;
        IntStream.range(0, depth).parallel().forEach(k -> {
            Envelope e = new Envelope(Math.max(width, height));
            for (int j = 0; j < height; j++) {
                line.along(e, k * plane + j * width, 1, width, spacing[0]);
            }
            for (int i = 0; i < width; i++) {
                line.along(e, k * plane + i, width, height, spacing[1]);
            }
        });
        if (acrossSlices && depth > 1) {
            IntStream.range(0, height).parallel().forEach(j -> {
                Envelope e = new Envelope(depth);
                for (int i = 0; i < width; i++) {
                    line.along(e, j * width + i, plane, depth, spacing[2]);
                }
            });
        }
    }

    /** The 1-D squared distance transform of one grid line, with work arrays reused from line to line. */
    private static final class Envelope {
        private final double[] f;
        private final double[] out;
        private final int[] sites;
        private final double[] bounds;

        Envelope(int length) {
            f = new double[length];
            out = new double[length];
            sites = new int[length];
            bounds = new double[length + 1];
        }

        /** Replaces the n values at start, start + stride, ... by min over q of (spacing (p − q))² + value(q). */
        void along(float[] values, int start, int stride, int n, double spacing) {
            for (int q = 0; q < n; q++) {
                f[q] = values[start + q * stride];
            }
            if (solve(n, spacing)) {
                for (int q = 0; q < n; q++) {
                    values[start + q * stride] = (float) out[q];
                }
            }
        }

        /** As {@link #along(float[], int, int, int, double)}, in doubles. */
        void along(double[] values, int start, int stride, int n, double spacing) {
            for (int q = 0; q < n; q++) {
                f[q] = values[start + q * stride];
            }
            if (solve(n, spacing)) {
                for (int q = 0; q < n; q++) {
                    values[start + q * stride] = out[q];
                }
            }
        }

        /** The line's transform of f into out; false, with out untouched, when every value is infinite. */
        private boolean solve(int n, double spacing) {
            int count = 0;
            for (int q = 0; q < n; q++) {
                if (f[q] < Double.POSITIVE_INFINITY) {
                    count = push(q, count, spacing);
                }
            }
            if (count == 0) {
                return false;
            }
            int s = 0;
            for (int q = 0; q < n; q++) {
                double x = q * spacing;
                while (s < count - 1 && bounds[s + 1] < x) {
                    s++;
                }
                double dx = x - sites[s] * spacing;
                out[q] = dx * dx + f[sites[s]];
            }
            return true;
        }

        /** Adds the parabola rooted at q to the lower envelope of the first {@code count} ones. */
        private int push(int q, int count, double spacing) {
            double x = q * spacing;
            while (count > 0) {
                int v = sites[count - 1];
                double xv = v * spacing;
                double meet = ((f[q] + x * x) - (f[v] + xv * xv)) / (2 * (x - xv));
                if (meet > bounds[count - 1]) {
                    sites[count] = q;
                    bounds[count] = meet;
                    return count + 1;
                }
                count--;
            }
            sites[0] = q;
            bounds[0] = Double.NEGATIVE_INFINITY;
            return 1;
        }
    }
}
