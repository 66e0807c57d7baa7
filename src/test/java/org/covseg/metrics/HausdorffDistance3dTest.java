package org.covseg.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.covseg.image.MaskBoundary;
import org.junit.jupiter.api.Test;

class HausdorffDistance3dTest {

    private static final int W = 6;
    private static final int H = 5;
    private static final int D = 7;

    @Test
    void twoVoxelsAlongKAreSliceSpacingsApart() {
        // One voxel each at k = 1 and k = 4: 3 slices of 2 mm apart → 6 mm both ways.
        boolean[] a = new boolean[W * H * D];
        boolean[] b = new boolean[W * H * D];
        a[index(1, 1, 1)] = true;
        b[index(1, 1, 4)] = true;
        assertThat(HausdorffDistance.percentile95(a, b, W, H, D, new double[] {1, 1, 2})).isCloseTo(6, within(1e-5));
    }

    @Test
    void cubesShiftedAlongIWithHalfMillimetreColumns() {
        // 2x2x2 cubes at i = 1..2 and i = 2..3: every voxel is on the boundary. A → B: the four voxels at i = 2
        // are 0 away, the four at i = 1 are one column (0.5 mm) away; sorted 0,0,0,0,.5,.5,.5,.5, position
        // .95·7 = 6.65 lies between two .5 → 0.5. B → A is the mirror image.
        assertThat(HausdorffDistance.percentile95(cube(1), cube(2), W, H, D, new double[] {0.5, 1, 3}))
                .isCloseTo(0.5, within(1e-6));
    }

    @Test
    void identicalVolumesAreZeroApartAndEmptyOnesUndefined() {
        double[] spacing = {0.7, 0.7, 5};
        assertThat(HausdorffDistance.percentile95(cube(2), cube(2), W, H, D, spacing)).isZero();
        assertThat(HausdorffDistance.percentile95(cube(2), new boolean[W * H * D], W, H, D, spacing)).isNaN();
    }

    @Test
    void matchesBruteForceOnRandomVolumes() {
        Random random = new Random(3);
        for (int trial = 0; trial < 25; trial++) {
            int w = 2 + random.nextInt(8);
            int h = 2 + random.nextInt(8);
            int d = 1 + random.nextInt(6);
            boolean[] a = blob(random, w * h * d);
            boolean[] b = blob(random, w * h * d);
            double[] spacing = {0.5 + random.nextDouble(), 0.5 + random.nextDouble(), 1 + 4 * random.nextDouble()};
            double expected = Math.max(brute(a, b, w, h, d, spacing), brute(b, a, w, h, d, spacing));
            double actual = HausdorffDistance.percentile95(a, b, w, h, d, spacing);
            if (Double.isNaN(expected)) {
                assertThat(actual).isNaN();
            } else {
                assertThat(actual).isCloseTo(expected, within(1e-4));
            }
        }
    }

    private static boolean[] blob(Random random, int n) {
        boolean[] m = new boolean[n];
        double fill = 0.1 + 0.5 * random.nextDouble();
        for (int p = 0; p < n; p++) {
            m[p] = random.nextDouble() < fill;
        }
        return m;
    }

    private static double brute(boolean[] from, boolean[] to, int w, int h, int d, double[] s) {
        boolean[] edgeFrom = MaskBoundary.inner(from, w, h, d);
        boolean[] edgeTo = MaskBoundary.inner(to, w, h, d);
        double[] dist = new double[from.length];
        int n = 0;
        for (int p = 0; p < from.length; p++) {
            if (!edgeFrom[p]) {
                continue;
            }
            double best = Double.POSITIVE_INFINITY;
            for (int q = 0; q < to.length; q++) {
                if (edgeTo[q]) {
                    double dx = (p % w - q % w) * s[0];
                    double dy = (p / w % h - q / w % h) * s[1];
                    double dz = (p / (w * h) - q / (w * h)) * s[2];
                    best = Math.min(best, Math.sqrt(dx * dx + dy * dy + dz * dz));
                }
            }
            dist[n++] = best;
        }
        if (n == 0 || dist[0] == Double.POSITIVE_INFINITY) {
            return Double.NaN;
        }
        Arrays.sort(dist, 0, n);
        double position = 0.95 * (n - 1);
        int i = (int) position;
        return i + 1 < n ? dist[i] + (dist[i + 1] - dist[i]) * (position - i) : dist[i];
    }

    private static boolean[] cube(int i0) {
        boolean[] m = new boolean[W * H * D];
        for (int k = 2; k < 4; k++) {
            for (int j = 1; j < 3; j++) {
                for (int i = i0; i < i0 + 2; i++) {
                    m[index(i, j, k)] = true;
                }
            }
        }
        return m;
    }

    private static int index(int i, int j, int k) {
        return (k * H + j) * W + i;
    }
}
