package org.covseg.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DistanceTransformTest {

    @Test
    void matchesBruteForceWithAnisotropicSpacing() {
        Random random = new Random(7);
        for (int trial = 0; trial < 30; trial++) {
            int w = 1 + random.nextInt(25);
            int h = 1 + random.nextInt(25);
            double density = trial % 3 == 0 ? 0.01 : random.nextDouble() * 0.3;
            boolean[] features = new boolean[w * h];
            for (int p = 0; p < features.length; p++) {
                features[p] = random.nextDouble() < density;
            }
            PixelSpacing spacing = new PixelSpacing(0.3 + random.nextDouble() * 2, 0.3 + random.nextDouble() * 2);
            double[] fast = DistanceTransform.squaredDistances(features, w, h, spacing);
            double[] slow = bruteForce(features, w, h, spacing);
            for (int p = 0; p < fast.length; p++) {
                if (slow[p] == Double.POSITIVE_INFINITY) {
                    assertThat(fast[p]).isInfinite();
                } else {
                    assertThat(fast[p]).isCloseTo(slow[p], within(1e-9 * (1 + slow[p])));
                }
            }
        }
    }

    @Test
    void distancesOnASmallGrid() {
        // One feature at (x=0, y=0) on a 3x2 grid, spacing x 2, y 3: squared distances (2x)² + (3y)².
        boolean[] f = {true, false, false, false, false, false};
        assertThat(DistanceTransform.squaredDistances(f, 3, 2, new PixelSpacing(2, 3)))
                .containsExactly(0, 4, 16, 9, 13, 25);
    }

    private static double[] bruteForce(boolean[] features, int w, int h, PixelSpacing s) {
        double[] d = new double[w * h];
        for (int p = 0; p < d.length; p++) {
            d[p] = Double.POSITIVE_INFINITY;
            for (int q = 0; q < d.length; q++) {
                if (features[q]) {
                    double dx = (p % w - q % w) * s.x();
                    double dy = (p / w - q / w) * s.y();
                    d[p] = Math.min(d[p], dx * dx + dy * dy);
                }
            }
        }
        return d;
    }
}
