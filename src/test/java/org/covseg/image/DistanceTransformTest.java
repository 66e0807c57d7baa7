package org.covseg.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DistanceTransformTest {

    /** The definition: the smallest Euclidean distance (mm) from each mask voxel to a voxel outside the mask. */
    private static double bruteForce(boolean[] mask, int w, int h, int d, double[] s, int p, boolean acrossSlices) {
        if (!mask[p]) {
            return 0;
        }
        int i = p % w;
        int j = (p / w) % h;
        int k = p / (w * h);
        double best = Double.POSITIVE_INFINITY;
        for (int q = 0; q < mask.length; q++) {
            int kq = q / (w * h);
            if (!mask[q] && (acrossSlices || kq == k)) {
                double dx = (q % w - i) * s[0];
                double dy = ((q / w) % h - j) * s[1];
                double dz = (kq - k) * s[2];
                best = Math.min(best, Math.sqrt(dx * dx + dy * dy + dz * dz));
            }
        }
        return best;
    }

    @Test
    void matchesTheDefinitionOnRandomAnisotropicVolumes() {
        SplittableRandom rng = new SplittableRandom(7);
        int w = 9;
        int h = 7;
        int d = 5;
        double[] spacing = {0.7, 1.1, 2.5};
        for (int trial = 0; trial < 5; trial++) {
            boolean[] mask = new boolean[w * h * d];
            for (int p = 0; p < mask.length; p++) {
                mask[p] = rng.nextDouble() < 0.85;
            }
            float[] in3d = DistanceTransform.toBackground(mask, w, h, d, spacing);
            float[] inPlane = DistanceTransform.toBackgroundInPlane(mask, w, h, d, spacing);
            for (int p = 0; p < mask.length; p++) {
                assertThat((double) in3d[p]).isCloseTo(bruteForce(mask, w, h, d, spacing, p, true), within(1e-4));
                assertThat((double) inPlane[p]).isCloseTo(bruteForce(mask, w, h, d, spacing, p, false), within(1e-4));
            }
        }
    }

    @Test
    void theGridEdgeIsNotBackground() {
        // a full row with one background voxel at its end: distances grow away from it, not from the other end
        boolean[] mask = {true, true, true, true, false};
        float[] distance = DistanceTransform.toBackground(mask, 5, 1, 1, new double[] {2, 1, 1});
        assertThat(distance).containsExactly(8f, 6f, 4f, 2f, 0f);
    }

    @Test
    void aMaskWithoutBackgroundIsInfinitelyFar() {
        float[] distance = DistanceTransform.toBackgroundInPlane(new boolean[] {true, true, true, true}, 2, 2, 1,
                new double[] {1, 1, 1});
        assertThat(distance).containsOnly(Float.POSITIVE_INFINITY);
    }

    @Test
    void squaredDistancesInDoublesOnASmallGrid() {
        // One background voxel at (i=0, j=0) of a 3x2 grid, spacing i 2, j 3: squared distances (2i)² + (3j)².
        boolean[] mask = {false, true, true, true, true, true};
        assertThat(DistanceTransform.squaredToBackground(mask, 3, 2, 1, new double[] {2, 3, 1}))
                .containsExactly(0, 4, 16, 9, 13, 25);
    }

    @Test
    void squaredDistancesInDoublesMatchTheDefinitionToTheLastDigits() {
        SplittableRandom rng = new SplittableRandom(11);
        int w = 8;
        int h = 6;
        int d = 4;
        double[] spacing = {0.7, 0.35, 1.25};
        for (int trial = 0; trial < 5; trial++) {
            boolean[] mask = new boolean[w * h * d];
            for (int p = 0; p < mask.length; p++) {
                mask[p] = rng.nextDouble() < 0.9;
            }
            double[] squared = DistanceTransform.squaredToBackground(mask, w, h, d, spacing);
            for (int p = 0; p < mask.length; p++) {
                double expected = bruteForce(mask, w, h, d, spacing, p, true);
                assertThat(Math.sqrt(squared[p])).isCloseTo(expected, within(1e-12 * (1 + expected)));
            }
        }
    }
}
