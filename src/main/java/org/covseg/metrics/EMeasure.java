package org.covseg.metrics;

import static org.covseg.metrics.Matlab.EPS;

/**
 * Enhanced-alignment measure of a binary map F against a binary ground truth G (Fan et al., IJCAI 2018), exactly as
 * the official MATLAB {@code Enhancedmeasure.m} computes it:
 * <ul>
 *   <li>G empty: score = Σ(1 − F); G full: score = ΣF;</li>
 *   <li>otherwise φ = 2·(G−μG)(F−μF) / ((G−μG)² + (F−μF)² + eps) per pixel, score = Σ (φ+1)²/4;</li>
 *   <li>the score is divided by (w·h − 1 + eps), so a perfect map scores N/(N−1), slightly above 1.</li>
 * </ul>
 * φ depends only on the pixel's pair (G, F) ∈ {0,1}², so the sum is the four confusion counts times four values:
 * O(1) from the counts instead of O(N) per threshold. Each of the four values is computed with the same operations as
 * the official per-pixel code; only the order of the final summation differs (relative difference ~1e-15).
 */
public final class EMeasure {

    private EMeasure() {
    }

    public static double of(boolean[] predicted, boolean[] truth) {
        return of(Confusion.of(predicted, truth));
    }

    public static double of(Confusion c) {
        long n = c.total();
        long g = c.actualPositives();
        long f = c.predictedPositives();
        double sum;
        if (g == 0) {
            sum = n - f;
        } else if (g == n) {
            sum = f;
        } else {
            double meanG = (double) g / n;
            double meanF = (double) f / n;
            sum = c.tp() * enhancedAlignment(1 - meanG, 1 - meanF)
                    + c.fp() * enhancedAlignment(0 - meanG, 1 - meanF)
                    + c.fn() * enhancedAlignment(1 - meanG, 0 - meanF)
                    + c.tn() * enhancedAlignment(0 - meanG, 0 - meanF);
        }
        return sum / ((double) n - 1 + EPS);
    }

    private static double enhancedAlignment(double biasG, double biasF) {
        double alignment = 2 * (biasG * biasF) / (biasG * biasG + biasF * biasF + EPS);
        return (alignment + 1) * (alignment + 1) / 4;
    }
}
