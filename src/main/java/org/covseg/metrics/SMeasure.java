package org.covseg.metrics;

import static org.covseg.metrics.Matlab.EPS;

/**
 * Structure measure (Fan et al., ICCV 2017) of a continuous map in [0, 1] against a binary ground truth, exactly as
 * the official MATLAB {@code StructureMeasure.m}, {@code S_object.m} and {@code S_region.m} compute it (α = 0.5).
 *
 * <p>Two cases follow the official code even though they look like accidents:
 * <ul>
 *   <li>When the ground truth's rounded centroid lies on the last column (or row), the right (or bottom) blocks of the
 *   region split are empty; their mean is 0/0 = NaN and the weight-0 term 0·NaN makes the whole score NaN.</li>
 *   <li>A score below 0 is clamped to 0.</li>
 * </ul>
 * Sums run in row-major order; MATLAB's run column-major, so results agree to rounding (~1e-15), not bit for bit.
 */
public final class SMeasure {

    private static final double ALPHA = 0.5;

    private SMeasure() {
    }

    public static double of(double[] map, boolean[] truth, int width, int height) {
        Shapes.requireLength("the map", map.length, width, height);
        Shapes.requireLength("the ground truth", truth.length, width, height);
        for (double v : map) {
            if (!(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException("the map must lie in [0, 1], found " + v);
            }
        }
        int positives = 0;
        for (boolean t : truth) {
            if (t) {
                positives++;
            }
        }
        if (positives == 0) {
            return 1.0 - mean(map);
        }
        if (positives == truth.length) {
            return mean(map);
        }
        double q = ALPHA * objectSimilarity(map, truth, (double) positives / truth.length)
                + (1 - ALPHA) * regionSimilarity(map, truth, width, height, positives);
        return q < 0 ? 0 : q;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double objectSimilarity(double[] map, boolean[] truth, double foregroundFraction) {
        double foreground = objectScore(map, truth, true);
        double background = objectScore(map, truth, false);
        return foregroundFraction * foreground + (1 - foregroundFraction) * background;
    }

    /** O(x) = 2·mean / (mean² + 1 + std + eps) over the map (foreground) or 1 − map (background), std with N − 1. */
    private static double objectScore(double[] map, boolean[] truth, boolean foreground) {
        long n = 0;
        double sum = 0;
        for (int p = 0; p < map.length; p++) {
            if (truth[p] == foreground) {
                sum += foreground ? map[p] : 1.0 - map[p];
                n++;
            }
        }
        double mean = sum / n;
        double squares = 0;
        for (int p = 0; p < map.length; p++) {
            if (truth[p] == foreground) {
                double d = (foreground ? map[p] : 1.0 - map[p]) - mean;
                squares += d * d;
            }
        }
        double std = n > 1 ? Math.sqrt(squares / (n - 1)) : 0;
        return 2.0 * mean / (mean * mean + 1.0 + std + EPS);
    }

    private static double regionSimilarity(double[] map, boolean[] truth, int width, int height, int positives) {
        long columnSum = 0;
        long rowSum = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (truth[y * width + x]) {
                    columnSum += x + 1;
                    rowSum += y + 1;
                }
            }
        }
        // 1-based centroid, rounded half away from zero like MATLAB's round; the split is after column X and row Y.
        int cx = (int) Math.round((double) columnSum / positives);
        int cy = (int) Math.round((double) rowSum / positives);
        double area = (double) width * height;
        double w1 = ((double) cx * cy) / area;
        double w2 = ((double) (width - cx) * cy) / area;
        double w3 = ((double) cx * (height - cy)) / area;
        double w4 = 1.0 - w1 - w2 - w3;
        return w1 * blockSsim(map, truth, width, 0, cx, 0, cy)
                + w2 * blockSsim(map, truth, width, cx, width, 0, cy)
                + w3 * blockSsim(map, truth, width, 0, cx, cy, height)
                + w4 * blockSsim(map, truth, width, cx, width, cy, height);
    }

    /** The official "ssim" of one block [x0, x1) × [y0, y1); an empty block gives NaN as in MATLAB. */
    private static double blockSsim(double[] map, boolean[] truth, int width, int x0, int x1, int y0, int y1) {
        int n = (x1 - x0) * (y1 - y0);
        double sumX = 0;
        double sumY = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                sumX += map[y * width + x];
                sumY += truth[y * width + x] ? 1 : 0;
            }
        }
        double meanX = sumX / n;
        double meanY = sumY / n;
        double squaresX = 0;
        double squaresY = 0;
        double products = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                double dx = map[y * width + x] - meanX;
                double dy = (truth[y * width + x] ? 1 : 0) - meanY;
                squaresX += dx * dx;
                squaresY += dy * dy;
                products += dx * dy;
            }
        }
        double varianceX = squaresX / (n - 1 + EPS);
        double varianceY = squaresY / (n - 1 + EPS);
        double covariance = products / (n - 1 + EPS);
        double alpha = 4 * meanX * meanY * covariance;
        double beta = (meanX * meanX + meanY * meanY) * (varianceX + varianceY);
        if (alpha != 0) {
            return alpha / (beta + EPS);
        }
        return beta == 0 ? 1.0 : 0;
    }
}
