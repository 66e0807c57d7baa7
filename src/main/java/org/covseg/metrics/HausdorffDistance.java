package org.covseg.metrics;

import java.util.Arrays;
import org.covseg.image.MaskBoundary;

/**
 * The 95th-percentile symmetric Hausdorff distance between two binary masks, in the units of the pixel spacing.
 *
 * <p>Conventions (those of MONAI's {@code compute_hausdorff_distance(percentile=95)}): distances are measured
 * between <b>boundary pixels</b> — mask pixels with a 4-neighbour outside the mask or outside the image — from each
 * boundary pixel of one mask to the nearest boundary pixel of the other; the 95th percentile (linear interpolation,
 * numpy's default) is taken in each direction and the larger of the two is returned. When either mask is empty the
 * distance is undefined and the result is NaN (averages then skip the image, see {@link EvaluationSummary}).
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
        double aToB = directedPercentile(edgeA, DistanceTransform.squaredDistances(edgeB, w, h, spacing));
        double bToA = directedPercentile(edgeB, DistanceTransform.squaredDistances(edgeA, w, h, spacing));
        return Math.max(aToB, bToA);
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
