package org.covseg.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.covseg.metrics.InfNetProtocolTest.mask;

import java.util.Random;
import org.junit.jupiter.api.Test;

class EMeasureTest {

    private static final double EPS = Math.ulp(1.0);

    @Test
    void emptyGroundTruthCountsTheBackgroundOfTheMap() {
        // G empty: Σ(1 − F)/(N − 1): F empty → 4/3 (above 1, as the official code gives), F = one pixel → 3/3.
        assertThat(EMeasure.of(new boolean[4], new boolean[4])).isEqualTo(4 / 3.0);
        assertThat(EMeasure.of(mask(2, "10", "00"), new boolean[4])).isEqualTo(1.0);
    }

    @Test
    void fullGroundTruthCountsTheForegroundOfTheMap() {
        // G full: ΣF/(N − 1): two of four pixels → 2/3; with N = 2 the denominator is 1 + eps.
        boolean[] full = {true, true, true, true};
        assertThat(EMeasure.of(mask(2, "11", "00"), full)).isEqualTo(2 / 3.0);
        assertThat(EMeasure.of(new boolean[] {true, false}, new boolean[] {true, true})).isEqualTo(1 / (1 + EPS));
    }

    @Test
    void generalCaseByHand() {
        // G = {A}, F = {A, D} on 2x2: μG = 1/4, μF = 1/2.
        // TP: (.75)(.5)·2/(.5625 + .25) = 12/13 → (25/13)²/4 = 625/676
        // FP: (−.25)(.5)·2/(.0625 + .25) = −.8 → .2²/4 = .01
        // TN ×2: (−.25)(−.5)·2/.3125 = .8 → 1.8²/4 = .81
        // E = (625/676 + .01 + 1.62)/3 = 0.8515187…
        double e = EMeasure.of(mask(2, "10", "01"), mask(2, "10", "00"));
        assertThat(e).isCloseTo((625 / 676.0 + 0.01 + 1.62) / 3, within(1e-12)).isCloseTo(0.8515187, within(1e-7));
    }

    @Test
    void closedFormFromCountsMatchesTheOfficialPerPixelCode() {
        Random random = new Random(18);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + random.nextInt(400);
            double pf = random.nextInt(5) / 4.0;
            double pg = random.nextInt(5) / 4.0;
            boolean[] f = new boolean[n];
            boolean[] g = new boolean[n];
            for (int p = 0; p < n; p++) {
                f[p] = random.nextDouble() < pf;
                g[p] = random.nextDouble() < pg;
            }
            double direct = perPixelEMeasure(f, g);
            assertThat(EMeasure.of(f, g)).isCloseTo(direct, within(1e-12 * Math.max(1, Math.abs(direct))));
        }
    }

    /** Enhancedmeasure.m transcribed pixel by pixel, as the reference for the closed form. */
    static double perPixelEMeasure(boolean[] fm, boolean[] gt) {
        int n = gt.length;
        double sumGt = 0;
        double sumFm = 0;
        for (int p = 0; p < n; p++) {
            sumGt += gt[p] ? 1 : 0;
            sumFm += fm[p] ? 1 : 0;
        }
        double muFm = sumFm / n;
        double muGt = sumGt / n;
        double sum = 0;
        for (int p = 0; p < n; p++) {
            double dFm = fm[p] ? 1 : 0;
            double dGt = gt[p] ? 1 : 0;
            if (sumGt == 0) {
                sum += 1.0 - dFm;
            } else if (sumGt == n) {
                sum += dFm;
            } else {
                double alignFm = dFm - muFm;
                double alignGt = dGt - muGt;
                double align = 2 * (alignGt * alignFm) / (alignGt * alignGt + alignFm * alignFm + EPS);
                sum += Math.pow(align + 1, 2) / 4;
            }
        }
        return sum / (n - 1 + EPS);
    }
}
