package org.covseg.data.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IntensityJitterTest {

    @Test
    void brightnessScalesThenContrastStretchesAboutTheMean() {
        // ×1.1: 10, 30 → 11, 33 (mean 22); contrast 1.5: 22 ∓ 16.5 → 5.5, 38.5
        assertThat(new IntensityJitter(1.1, 1.5).apply(new float[] {10, 30}))
                .containsExactly(new float[] {5.5f, 38.5f}, within(1e-4f));
    }

    @Test
    void resultsStayInTheGreyRange() {
        // ×1.2: 0, 300 (mean 150); contrast 1.2: −30, 330 → clamped
        assertThat(new IntensityJitter(1.2, 1.2).apply(new float[] {0, 250})).containsExactly(0, 255);
    }

    @Test
    void drawnFactorsSpanTheDocumentedRange() {
        SplittableRandom random = new SplittableRandom(5);
        double low = 2;
        double high = 0;
        for (int i = 0; i < 2000; i++) {
            IntensityJitter j = IntensityJitter.draw(random);
            for (double f : new double[] {j.brightness(), j.contrast()}) {
                assertThat(f).isBetween(0.8, 1.2);
                low = Math.min(low, f);
                high = Math.max(high, f);
            }
        }
        assertThat(low).isLessThan(0.81);
        assertThat(high).isGreaterThan(1.19);
        // a flat image only changes brightness: 100 → [80, 120]
        assertThat(IntensityJitter.draw(random).apply(new float[] {100, 100})[0]).isBetween(80f, 120f);
    }
}
