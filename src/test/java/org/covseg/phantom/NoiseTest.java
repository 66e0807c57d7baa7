package org.covseg.phantom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Blur, texture and value noise. */
class NoiseTest {

    private final VoxelGrid grid = new VoxelGrid(64, 48, 6, 0.7, 5);

    @Test
    void blurKeepsConstantsAndSpreadsAnImpulseAlongOneAxisOnly() {
        float[] kernel = SeparableBlur.gaussian(1.0);
        assertThat(kernel).hasSize(7);
        double sum = 0;
        for (float w : kernel) {
            sum += w;
        }
        assertThat(sum).isCloseTo(1, within(1e-6));
        for (int axis = 0; axis < 3; axis++) {
            float[] constant = new float[grid.voxelCount()];
            Arrays.fill(constant, 7f);
            SeparableBlur.along(constant, grid, axis, kernel);
            assertThat(constant[grid.index(0, 0, 0)]).isCloseTo(7f, within(1e-4f));
            assertThat(constant[grid.index(30, 20, 3)]).isCloseTo(7f, within(1e-4f));

            float[] impulse = new float[grid.voxelCount()];
            impulse[grid.index(30, 20, 3)] = 1;
            SeparableBlur.along(impulse, grid, axis, new float[] {0.25f, 0.5f, 0.25f});
            int[] step = {axis == 0 ? 1 : 0, axis == 1 ? 1 : 0, axis == 2 ? 1 : 0};
            assertThat(impulse[grid.index(30, 20, 3)]).isEqualTo(0.5f);
            assertThat(impulse[grid.index(30 + step[0], 20 + step[1], 3 + step[2])]).isEqualTo(0.25f);
            assertThat(impulse[grid.index(30 - step[0], 20 - step[1], 3 - step[2])]).isEqualTo(0.25f);
            assertThat(impulse[grid.index(30 + step[1] + step[2], 20 + step[0], 3)]).isZero();
        }
    }

    @Test
    void textureHasTheAskedStandardDeviationAndIsSmooth() {
        float[] t = GaussianTexture.generate(grid, 1.5, 40, new SplittableRandom(3));
        double sum = 0;
        double sumSq = 0;
        double lagProduct = 0;
        int pairs = 0;
        for (int p = 0; p < t.length; p++) {
            sum += t[p];
            sumSq += t[p] * t[p];
            if (p % grid.width() != grid.width() - 1) {
                lagProduct += t[p] * t[p + 1];
                pairs++;
            }
        }
        double mean = sum / t.length;
        double variance = sumSq / t.length - mean * mean;
        assertThat(Math.sqrt(variance)).isCloseTo(40, within(4.0));
        assertThat(lagProduct / pairs / variance).as("correlation of neighbours").isGreaterThan(0.7);
        assertThat(GaussianTexture.generate(grid, 1.5, 40, new SplittableRandom(3))).isEqualTo(t);
    }

    @Test
    void valueNoiseIsBoundedSmoothAndSeeded() {
        ValueNoise noise = new ValueNoise(42);
        double min = 1;
        double max = -1;
        for (int n = 0; n < 2000; n++) {
            double x = n * 0.137;
            double v = noise.at(x, 0.5 * x, -0.3 * x);
            min = Math.min(min, v);
            max = Math.max(max, v);
            assertThat(Math.abs(noise.at(x + 0.01, 0.5 * x, -0.3 * x) - v)).isLessThan(0.1);
        }
        assertThat(min).isGreaterThanOrEqualTo(-1).isLessThan(-0.3);
        assertThat(max).isLessThanOrEqualTo(1).isGreaterThan(0.3);
        assertThat(new ValueNoise(42).at(1.3, 2.2, 0.7)).isEqualTo(noise.at(1.3, 2.2, 0.7));
        assertThat(new ValueNoise(43).at(1.3, 2.2, 0.7)).isNotEqualTo(noise.at(1.3, 2.2, 0.7));
    }
}
