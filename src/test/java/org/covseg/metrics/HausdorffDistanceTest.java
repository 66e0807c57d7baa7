package org.covseg.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.covseg.image.MaskBoundary;
import org.junit.jupiter.api.Test;

class HausdorffDistanceTest {

    private static final int W = 12;
    private static final int H = 12;

    @Test
    void squaresShiftedAlongX() {
        // 4x4 squares at columns 2..5 and 5..8, rows 2..5. Boundary of A → nearest boundary pixel of B:
        // left column (x=2): 3 each (×4); right column (x=5) lies on B's left column: 0 (×4);
        // top and bottom rows at x=3, x=4: 2 and 1 (×2 each). Sorted: 0,0,0,0,1,1,2,2,3,3,3,3;
        // the 95th percentile sits at position .95·11 = 10.45 between two 3s → 3. B → A is the mirror image.
        assertThat(HausdorffDistance.percentile95(square(2, 2), square(5, 2), W, H, PixelSpacing.UNIT))
                .isCloseTo(3, within(1e-12));
    }

    @Test
    void anisotropicSpacingScalesEachAxis() {
        // Same shift of 3 pixels: along x with spacing .5 → 1.5; along y with spacing 2 → 6.
        PixelSpacing spacing = new PixelSpacing(0.5, 2);
        assertThat(HausdorffDistance.percentile95(square(2, 2), square(5, 2), W, H, spacing))
                .isCloseTo(1.5, within(1e-12));
        assertThat(HausdorffDistance.percentile95(square(2, 2), square(2, 5), W, H, spacing))
                .isCloseTo(6, within(1e-12));
    }

    @Test
    void percentileInterpolatesPastAnOutlier() {
        // B = A plus one isolated pixel at (15, 3), 10 columns right of A's right column (x = 5), on a 20-wide image.
        // A → B: all 0. B → A: twelve 0s and one 10; position .95·12 = 11.4 → 0 + .4·10 = 4 (the maximum is 10).
        int w = 20;
        boolean[] a = new boolean[w * H];
        boolean[] b = new boolean[w * H];
        for (int y = 2; y < 6; y++) {
            for (int x = 2; x < 6; x++) {
                a[y * w + x] = true;
                b[y * w + x] = true;
            }
        }
        b[3 * w + 15] = true;
        assertThat(HausdorffDistance.percentile95(a, b, w, H, PixelSpacing.UNIT)).isCloseTo(4, within(1e-12));
    }

    @Test
    void identicalMasksAreZeroApart() {
        assertThat(HausdorffDistance.percentile95(square(3, 4), square(3, 4), W, H, PixelSpacing.UNIT)).isZero();
    }

    @Test
    void undefinedWhenAMaskIsEmpty() {
        boolean[] empty = new boolean[W * H];
        assertThat(HausdorffDistance.percentile95(square(2, 2), empty, W, H, PixelSpacing.UNIT)).isNaN();
        assertThat(HausdorffDistance.percentile95(empty, square(2, 2), W, H, PixelSpacing.UNIT)).isNaN();
        assertThat(HausdorffDistance.percentile95(empty, empty, W, H, PixelSpacing.UNIT)).isNaN();
    }

    @Test
    void matchesBruteForceOnRandomMasks() {
        Random random = new Random(11);
        for (int trial = 0; trial < 40; trial++) {
            int w = 2 + random.nextInt(20);
            int h = 2 + random.nextInt(20);
            boolean[] a = blob(random, w, h);
            boolean[] b = blob(random, w, h);
            PixelSpacing spacing = new PixelSpacing(0.5 + random.nextDouble(), 0.5 + random.nextDouble());
            double expected = Math.max(bruteDirected(a, b, w, spacing), bruteDirected(b, a, w, spacing));
            double actual = HausdorffDistance.percentile95(a, b, w, h, spacing);
            if (Double.isNaN(expected)) {
                assertThat(actual).isNaN();
            } else {
                assertThat(actual).isCloseTo(expected, within(1e-9));
            }
        }
    }

    /** A random rectangle plus scattered pixels, often touching the image edge. */
    private static boolean[] blob(Random random, int w, int h) {
        boolean[] m = new boolean[w * h];
        int x0 = random.nextInt(w);
        int y0 = random.nextInt(h);
        int x1 = x0 + random.nextInt(w - x0);
        int y1 = y0 + random.nextInt(h - y0);
        for (int p = 0; p < m.length; p++) {
            int x = p % w;
            int y = p / w;
            m[p] = (x >= x0 && x <= x1 && y >= y0 && y <= y1) || random.nextDouble() < 0.03;
        }
        return m;
    }

    private static double bruteDirected(boolean[] from, boolean[] to, int w, PixelSpacing s) {
        boolean[] edgeFrom = MaskBoundary.inner(from, w, from.length / w);
        boolean[] edgeTo = MaskBoundary.inner(to, w, to.length / w);
        double[] d = new double[from.length];
        int n = 0;
        for (int p = 0; p < from.length; p++) {
            if (edgeFrom[p]) {
                double best = Double.POSITIVE_INFINITY;
                for (int q = 0; q < to.length; q++) {
                    if (edgeTo[q]) {
                        best = Math.min(best, Math.hypot((p % w - q % w) * s.x(), (p / w - q / w) * s.y()));
                    }
                }
                d[n++] = best;
            }
        }
        if (n == 0 || d[0] == Double.POSITIVE_INFINITY) {
            return Double.NaN;
        }
        Arrays.sort(d, 0, n);
        double position = 0.95 * (n - 1);
        int i = (int) position;
        return i + 1 < n ? d[i] + (d[i + 1] - d[i]) * (position - i) : d[i];
    }

    private static boolean[] square(int x0, int y0) {
        boolean[] m = new boolean[W * H];
        for (int y = y0; y < y0 + 4; y++) {
            for (int x = x0; x < x0 + 4; x++) {
                m[y * W + x] = true;
            }
        }
        return m;
    }
}
