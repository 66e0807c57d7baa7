package org.covseg.metrics;

import java.util.Arrays;
import org.covseg.image.DistanceTransform;
import org.covseg.image.MaskBoundary;

/**
 * The 95th-percentile symmetric Hausdorff distance between two binary masks, in the units of the pixel spacing:
 * 2-D images, or 3-D volumes (voxel i fastest, then j, then k) with a spacing per axis.
 *
 * <p>Conventions (those of MONAI's {@code compute_hausdorff_distance(percentile=95)}): distances are measured
 * between <b>boundary pixels</b> — mask pixels with a 4-neighbour outside the mask or outside the image — from each
 * boundary pixel of one mask to the nearest boundary pixel of the other; the 95th percentile (linear interpolation,
 * numpy's default) is taken in each direction and the larger of the two is returned. When either mask is empty the
 * distance is undefined and the result is NaN (averages then skip the image, see {@link EvaluationSummary}).
 * In 3-D the boundary is taken with the 6 face neighbours, voxels beyond the grid (also before the first and
 * after the last slice) counting as outside, as MONAI does for volumes.
 */
public final class HausdorffDistance {

    private static final double PERCENTILE = 95;

    private HausdorffDistance() {
    }

    public static double percentile95(boolean[] a, boolean[] b, int width, int height, PixelSpacing spacing) {
        Shapes.requireLength("the first mask", a.length, width, height);
        Shapes.requireLength("the second mask", b.length, width, height);
        int x0 = width;
        int y0 = height;
        int x1 = -1;
        int y1 = -1;
        boolean aEmpty = true;
        boolean bEmpty = true;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int p = y * width + x;
                if (a[p] || b[p]) {
                    aEmpty &= !a[p];
                    bEmpty &= !b[p];
                    x0 = Math.min(x0, x);
                    x1 = Math.max(x1, x);
                    y0 = Math.min(y0, y);
                    y1 = Math.max(y1, y);
                }
            }
        }
        if (aEmpty || bEmpty) {
            return Double.NaN;
        }
        // Every boundary pixel of both masks lies in their joint bounding box, so a distance transform of the box
        // alone is exact where it is read (boundaries are found on the full image, where its edge counts as outside).
        int w = x1 - x0 + 1;
        int h = y1 - y0 + 1;
        boolean[] edgeA = crop(MaskBoundary.inner(a, width, height), width, x0, y0, w, h);
        boolean[] edgeB = crop(MaskBoundary.inner(b, width, height), width, x0, y0, w, h);
        double[] inPlane = {spacing.x(), spacing.y(), 1};
        double aToB = directedPercentile(edgeA, squaredDistancesTo(edgeB, w, h, 1, inPlane));
        double bToA = directedPercentile(edgeB, squaredDistancesTo(edgeA, w, h, 1, inPlane));
        return Math.max(aToB, bToA);
    }

    /** The 3-D distance: masks of width x height x depth voxels, {@code spacing} along i, j and k. */
    public static double percentile95(boolean[] a, boolean[] b, int width, int height, int depth, double[] spacing) {
        long voxels = (long) Shapes.pixelCount(width, height) * depth;
        if (depth <= 0 || a.length != voxels || b.length != voxels) {
            throw new IllegalArgumentException("masks of " + a.length + " and " + b.length + " voxels do not fit "
                    + width + "x" + height + "x" + depth);
        }
        int[] lo = {width, height, depth};
        int[] hi = {-1, -1, -1};
        boolean aEmpty = true;
        boolean bEmpty = true;
        for (int p = 0; p < a.length; p++) {
            if (a[p] || b[p]) {
                aEmpty &= !a[p];
                bEmpty &= !b[p];
                int[] at = {p % width, p / width % height, p / (width * height)};
                for (int axis = 0; axis < 3; axis++) {
                    lo[axis] = Math.min(lo[axis], at[axis]);
                    hi[axis] = Math.max(hi[axis], at[axis]);
                }
            }
        }
        if (aEmpty || bEmpty) {
            return Double.NaN;
        }
        // As in 2-D: boundaries on the full grid, distances within the joint bounding box, where they are exact.
        boolean[] edgeA = crop(MaskBoundary.inner(a, width, height, depth), width, height, lo, hi);
        boolean[] edgeB = crop(MaskBoundary.inner(b, width, height, depth), width, height, lo, hi);
        int w = hi[0] - lo[0] + 1;
        int h = hi[1] - lo[1] + 1;
        int d = hi[2] - lo[2] + 1;
        double aToB = directedPercentile(edgeA, squaredDistancesTo(edgeB, w, h, d, spacing));
        double bToA = directedPercentile(edgeB, squaredDistancesTo(edgeA, w, h, d, spacing));
        return Math.max(aToB, bToA);
    }

    /** Squared distance of every voxel to the nearest voxel of {@code targets}. */
    private static double[] squaredDistancesTo(boolean[] targets, int w, int h, int d, double[] spacing) {
        boolean[] elsewhere = new boolean[targets.length];
        for (int q = 0; q < targets.length; q++) {
            elsewhere[q] = !targets[q];
        }
        return DistanceTransform.squaredToBackground(elsewhere, w, h, d, spacing);
    }

    private static boolean[] crop(boolean[] mask, int width, int height, int[] lo, int[] hi) {
        int w = hi[0] - lo[0] + 1;
        int h = hi[1] - lo[1] + 1;
        boolean[] out = new boolean[w * h * (hi[2] - lo[2] + 1)];
        for (int k = lo[2]; k <= hi[2]; k++) {
            for (int y = lo[1]; y <= hi[1]; y++) {
                System.arraycopy(mask, (k * height + y) * width + lo[0], out, ((k - lo[2]) * h + y - lo[1]) * w, w);
            }
        }
        return out;
    }

    private static boolean[] crop(boolean[] mask, int width, int left, int top, int w, int h) {
        boolean[] out = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            System.arraycopy(mask, (top + y) * width + left, out, y * w, w);
        }
        return out;
    }

    private static double directedPercentile(boolean[] from, double[] squaredDistanceTo) {
        int n = 0;
        for (boolean f : from) {
            if (f) {
                n++;
            }
        }
        double[] distances = new double[n];
        int i = 0;
        for (int p = 0; p < from.length; p++) {
            if (from[p]) {
                distances[i++] = Math.sqrt(squaredDistanceTo[p]);
            }
        }
        Arrays.sort(distances);
        double position = PERCENTILE / 100 * (n - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, n - 1);
        return distances[below] + (distances[above] - distances[below]) * (position - below);
    }
}
