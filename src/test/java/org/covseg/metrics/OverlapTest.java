package org.covseg.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.covseg.metrics.InfNetProtocolTest.mask;

import org.junit.jupiter.api.Test;

class OverlapTest {

    @Test
    void scoresByHand() {
        // 3x3: G = 4 pixels, P = 3 pixels, TP = 2, FP = 1, FN = 2.
        // Dice = 2·2/(2·2+1+2) = 4/7, IoU = 2/5, precision 2/3, recall 2/4.
        Overlap o = Overlap.of(Confusion.of(mask(3, "110", "001", "000"), mask(3, "110", "110", "000")));
        assertThat(o.dice()).isCloseTo(4 / 7.0, within(1e-15));
        assertThat(o.iou()).isEqualTo(0.4);
        assertThat(o.precision()).isCloseTo(2 / 3.0, within(1e-15));
        assertThat(o.recall()).isEqualTo(0.5);
    }

    @Test
    void bothEmptyIsPerfect() {
        assertThat(Overlap.of(Confusion.of(new boolean[4], new boolean[4]))).isEqualTo(new Overlap(1, 1, 1, 1));
    }

    @Test
    void oneEmptyMaskScoresZero() {
        boolean[] some = mask(2, "10", "00");
        assertThat(Overlap.of(Confusion.of(some, new boolean[4]))).isEqualTo(new Overlap(0, 0, 0, 0));
        assertThat(Overlap.of(Confusion.of(new boolean[4], some))).isEqualTo(new Overlap(0, 0, 0, 0));
    }

    @Test
    void thresholdIsInclusive() {
        // p >= .5 is positive: {.5, .49, .9, 0} → P = {0, 2}; G = {0, 1} → TP 1, FP 1, FN 1 → Dice 1/2.
        Overlap o = Overlap.atThreshold(new float[] {.5f, .49f, .9f, 0}, mask(2, "11", "00"), 0.5);
        assertThat(o.dice()).isEqualTo(0.5);
        assertThat(o.iou()).isCloseTo(1 / 3.0, within(1e-15));
    }

    @Test
    void confusionCountsEachCase() {
        assertThat(Confusion.of(mask(2, "11", "00"), mask(2, "10", "10"))).isEqualTo(new Confusion(1, 1, 1, 1));
    }
}
