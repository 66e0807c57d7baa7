package org.covseg.metrics;

import java.util.Arrays;

/**
 * Exact Euclidean distance transform of a binary image, O(N), with anisotropic pixel spacing.
 * Phase 1 (Meijster, Roerdink and Hesselink 2000): the distance to the nearest set pixel in the same column, by a
 * downward and an upward sweep over whole rows. Phase 2 (Felzenszwalb and Huttenlocher, "Distance Transforms of
 * Sampled Functions", 2012): along each row, the lower envelope of the parabolas x ↦ sx²·(x − q)² + f(q).
 */
public final class DistanceTransform {

    private static final int NONE = Integer.MAX_VALUE;

    private DistanceTransform() {
    }

    /** Squared distance (in spacing units) from each pixel to the nearest set pixel; +∞ everywhere if none is set. */
    public static double[] squaredDistances(boolean[] features, int width, int height, PixelSpacing spacing) {
        Shapes.requireLength("the feature mask", features.length, width, height);
        int[] rows = rowsToNearestInColumn(features, width, height);
        double weightY = spacing.y() * spacing.y();
        double weightX = spacing.x() * spacing.x();
        double[] d = new double[features.length];
        double[] f = new double[width];
        int[] apex = new int[width];
        double[] bounds = new double[width + 1];
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                int r = rows[row + x];
                f[x] = r == NONE ? Double.POSITIVE_INFINITY : weightY * r * r;
            }
            lowerEnvelope(f, width, weightX, d, row, apex, bounds);
        }
        return d;
    }

    private static int[] rowsToNearestInColumn(boolean[] features, int width, int height) {
        int[] rows = new int[features.length];
        for (int x = 0; x < width; x++) {
            rows[x] = features[x] ? 0 : NONE;
        }
        for (int p = width; p < rows.length; p++) {
            rows[p] = features[p] ? 0 : rows[p - width] == NONE ? NONE : rows[p - width] + 1;
        }
        for (int p = rows.length - width - 1; p >= 0; p--) {
            if (rows[p + width] != NONE && rows[p + width] + 1 < rows[p]) {
                rows[p] = rows[p + width] + 1;
            }
        }
        return rows;
    }

    /** out[offset + p] = min over q of weight·(p − q)² + f[q], for p, q in [0, n). */
    private static void lowerEnvelope(double[] f, int n, double weight, double[] out, int offset, int[] apex,
                                      double[] bounds) {
        int k = -1;
        for (int q = 0; q < n; q++) {
            if (f[q] == Double.POSITIVE_INFINITY) {
                continue;
            }
            if (k < 0) {
                k = 0;
                apex[0] = q;
                bounds[0] = Double.NEGATIVE_INFINITY;
                bounds[1] = Double.POSITIVE_INFINITY;
                continue;
            }
            double s = intersection(f, weight, apex[k], q);
            while (s <= bounds[k]) {
                k--;
                s = intersection(f, weight, apex[k], q);
            }
            k++;
            apex[k] = q;
            bounds[k] = s;
            bounds[k + 1] = Double.POSITIVE_INFINITY;
        }
        if (k < 0) {
            Arrays.fill(out, offset, offset + n, Double.POSITIVE_INFINITY);
            return;
        }
        k = 0;
        for (int p = 0; p < n; p++) {
            while (bounds[k + 1] < p) {
                k++;
            }
            double dp = p - apex[k];
            out[offset + p] = weight * dp * dp + f[apex[k]];
        }
    }

    /** Where the parabolas rooted at r < q meet. */
    private static double intersection(double[] f, double weight, int r, int q) {
        return ((f[q] + weight * q * q) - (f[r] + weight * r * r)) / (2 * weight * (q - r));
    }
}
