package org.covseg.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProtocolMapTest {

    @Test
    void normalisesWithMatlabsMapminmax() {
        // levels {51, 102, 204}: x = level/255, min .2, range .6 → (x − .2)·(1/.6): 0, 1/3, 1 (to rounding, as MATLAB).
        double[] v = ProtocolMap.fromGreyLevels(new int[] {51, 102, 204}, 3, 1).normalised();
        double gain = 1.0 / (204 / 255.0 - 51 / 255.0);
        assertThat(v).containsExactly(0.0, (102 / 255.0 - 51 / 255.0) * gain, (204 / 255.0 - 51 / 255.0) * gain);
        assertThat(v[1]).isBetween(0.333333, 0.333334);
    }

    @Test
    void fullRangeMapIsLevelOver255() {
        double[] byLevel = ProtocolMap.fromGreyLevels(new int[] {0, 255}, 2, 1).normalisedLevels();
        for (int level = 0; level < 256; level++) {
            assertThat(byLevel[level]).isEqualTo(level / 255.0);
        }
    }

    @Test
    void multiplyingByTheReciprocalCanLeaveTheMaximumBelowOne() {
        assertThat(ProtocolMap.fromGreyLevels(new int[] {9, 0}, 2, 1).normalised())
                .containsExactly(0.9999999999999999, 0.0);
    }

    @Test
    void constantMapIsLeftUnchanged() {
        assertThat(ProtocolMap.fromGreyLevels(new int[] {178, 178}, 2, 1).normalised())
                .containsExactly(178 / 255.0, 178 / 255.0);
        assertThat(ProtocolMap.fromGreyLevels(new int[] {0, 0}, 2, 1).normalised()).containsExactly(0.0, 0.0);
    }

    @Test
    void probabilitiesAreByteScaledAsTheOfficialTestScriptSavesThem() {
        // bytescale: min .25, max .75 → (p − .25)·255/.5 + .5, truncated: 0 → 0, .25·510 = 127.5 → 128, 255.
        ProtocolMap map = ProtocolMap.fromProbabilities(new float[] {0.25f, 0.5f, 0.75f, 0.25f}, 2, 2);
        assertThat(new int[] {map.level(0), map.level(1), map.level(2), map.level(3)})
                .containsExactly(0, 128, 255, 0);
    }

    @Test
    void constantProbabilitiesBecomeAnAllZeroMap() {
        ProtocolMap map = ProtocolMap.fromProbabilities(new float[] {0.7f, 0.7f}, 2, 1);
        assertThat(map.level(0)).isZero();
        assertThat(map.level(1)).isZero();
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> ProtocolMap.fromGreyLevels(new int[] {0, 256}, 2, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0..255");
        assertThatThrownBy(() -> ProtocolMap.fromProbabilities(new float[] {0, Float.NaN}, 2, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[0, 1]");
        assertThatThrownBy(() -> ProtocolMap.fromProbabilities(new float[] {0, 2.5f}, 2, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProtocolMap.fromGreyLevels(new int[3], 2, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2x2");
    }
}
