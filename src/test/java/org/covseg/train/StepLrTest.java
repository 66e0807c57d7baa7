package org.covseg.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StepLrTest {

    @Test
    void decaysByGammaEveryStepEpochsWithoutCompounding() {
        StepLr lr = new StepLr(1e-4, 0.1, 50);
        assertThat(lr.at(0)).isEqualTo(1e-4);
        assertThat(lr.at(49)).isEqualTo(1e-4);
        assertThat(lr.at(50)).isEqualTo(1e-4 * 0.1);
        assertThat(lr.at(99)).isEqualTo(1e-4 * 0.1);
        assertThat(lr.at(100)).isEqualTo(1e-4 * 0.1 * 0.1);
    }

    @Test
    void zeroPeriodKeepsTheRate() {
        assertThat(new StepLr(3e-4, 0.1, 0).at(1000)).isEqualTo(3e-4);
    }
}
