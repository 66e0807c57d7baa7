package org.covseg.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The self-check on the machine the suite runs on, in the mode the suite runs in (chosen by the same check). */
class SelfCheckTest {

    @Test
    void theBatteryCoversTheShapesThatBreakOnFaultyCpus() {
        assertThat(SelfCheck.BATTERY).allMatch(c -> c.batch() >= 2);
        assertThat(SelfCheck.BATTERY).extracting(ConvolutionCase::inChannels).contains(13, 24, 26, 52, 104);
        assertThat(SelfCheck.BATTERY).anyMatch(c -> c.kernel() == 1);
        assertThat(SelfCheck.BATTERY).anyMatch(c -> c.stride() == 2);
        assertThat(SelfCheck.SENTINEL).containsExactly(new ConvolutionCase(2, 26, 26, 22, 3, 1, 1, 1));
    }

    @Test
    void theEngineComputesTheBatteryRightInTheModeThisJvmRunsIn() {
        Numerics.ensure();
        List<SelfCheck.CaseResult> results = SelfCheck.run(SelfCheck.BATTERY, false);
        assertThat(results).hasSize(SelfCheck.BATTERY.size());
        assertThat(results).allSatisfy(r -> {
            assertThat(r.forwardError()).as(r.convolution()).isLessThanOrEqualTo(SelfCheck.TOLERANCE);
            assertThat(r.inputGradientError()).as(r.convolution()).isLessThanOrEqualTo(SelfCheck.TOLERANCE);
        });
    }

    @Test
    void anInjectedFaultFails() {
        Numerics.ensure();
        SelfCheck.CaseResult result = SelfCheck.run(SelfCheck.SENTINEL, true).get(0);
        assertThat(result.passed()).isFalse();
        assertThat(result.forwardError()).isGreaterThan(0.9);
        assertThat(result.inputGradientError()).isInfinite();
    }

    @Test
    void aNonFiniteEngineValueIsAnInfiniteError() {
        assertThat(SelfCheck.maxError(new float[] {1, Float.NaN}, new double[] {1, 0})).isInfinite();
        assertThat(SelfCheck.maxError(new float[] {1, 2.5f}, new double[] {1, 2})).isEqualTo(0.5);
    }
}
