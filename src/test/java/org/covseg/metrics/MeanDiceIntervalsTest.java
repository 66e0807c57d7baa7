package org.covseg.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.covseg.metrics.InfNetProtocolTest.mask;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bootstrap intervals of meanDic on 2x2 images whose own meanDic follows from the protocol: truth {A} (G = 1 of
 * N = 4) predicted exactly has Dice 1 at every threshold t > 0 and 2G/(G+N) = 0.4 at t = 0, so meanDic 255.4/256;
 * predicted blank it has Dice 0 at t > 0 and 0.4 at t = 0, so 0.4/256; an empty truth scores 0.
 */
class MeanDiceIntervalsTest {

    private static final double TOL = 1e-12;
    private static final double EXACT = 255.4 / 256;
    private static final double BLANK = 0.4 / 256;
    private static final Bootstrap BOOTSTRAP = new Bootstrap(2000, 1, 0.95);

    private final Evaluation evaluation = new Evaluation();

    @Test
    void equalImagesCollapseTheIntervalToTheirValue() {
        MeanDiceIntervals intervals = MeanDiceIntervals.of(List.of(exact("a"), exact("b"), exact("c")), BOOTSTRAP);
        assertBounds(intervals.all(), EXACT, EXACT);
        assertBounds(intervals.withTruth(), EXACT, EXACT);
        assertThat(intervals.all().resamples()).isEqualTo(2000);
        assertThat(intervals.all().undefined()).isZero();
    }

    /**
     * Two images: a resample's mean is BLANK (both draws blank, probability 1/4), the midpoint (1/2) or EXACT (1/4),
     * so the 2.5 % and 97.5 % quantiles fall in the outer quarters: the interval is [BLANK, EXACT], around the mean.
     */
    @Test
    void twoImagesSpanTheirOwnValues() {
        MeanDiceIntervals intervals = MeanDiceIntervals.of(List.of(exact("a"), blank("b")), BOOTSTRAP);
        assertBounds(intervals.all(), BLANK, EXACT);
        assertThat((BLANK + EXACT) / 2).isBetween(intervals.all().lower(), intervals.all().upper());
    }

    /**
     * Values 0, 0, 0, 1: a resample's mean is k/4 with k ~ Binomial(4, 1/4). P(k = 0) = 81/256 ≈ 32 % holds the
     * 2.5 % quantile at 0; P(k = 4) = 1/256 ≈ 0.4 % and P(k ≥ 3) = 13/256 ≈ 5.1 % put the 97.5 % quantile at 3/4:
     * the interval [0, 0.75] holds the mean 0.25 and stops short of the largest value.
     */
    @Test
    void fourValuesWithOneHighReachThreeQuarters() {
        Bootstrap.Interval interval = BOOTSTRAP.ofMean(new double[] {0, 0, 0, 1});
        assertBounds(interval, 0, 0.75);
        assertThat(0.25).isBetween(interval.lower(), interval.upper());
    }

    /**
     * Over all three images the interval spans [0, EXACT] (each of the extreme resamples, all three draws alike, has
     * probability 1/27 ≈ 3.7 % > 2.5 %); over the two with truth it is the two-image case, [BLANK, EXACT].
     */
    @Test
    void withTruthResamplesOnlyTheImagesWithTruth() {
        MeanDiceIntervals intervals = MeanDiceIntervals.of(List.of(exact("a"), blank("b"), emptyTruth("c")),
                BOOTSTRAP);
        assertBounds(intervals.all(), 0, EXACT);
        assertBounds(intervals.withTruth(), BLANK, EXACT);
        assertThat(evaluation.summary().meanDice())
                .isBetween(intervals.all().lower(), intervals.all().upper());
        assertThat(evaluation.summary().meanDiceWithTruth())
                .isBetween(intervals.withTruth().lower(), intervals.withTruth().upper());
    }

    @Test
    void withoutAnyTruthTheWithTruthIntervalIsUndefined() {
        MeanDiceIntervals intervals = MeanDiceIntervals.of(List.of(emptyTruth("a"), emptyTruth("b")), BOOTSTRAP);
        assertBounds(intervals.all(), 0, 0);
        assertThat(intervals.withTruth().lower()).isNaN();
        assertThat(intervals.withTruth().upper()).isNaN();
        assertThat(intervals.withTruth().undefined()).isEqualTo(2000);
    }

    @Test
    void theSameSeedGivesTheSameInterval() {
        double[] values = {0.2, 0.5, 0.55, 0.9, 0.7};
        assertThat(BOOTSTRAP.ofMean(values)).isEqualTo(new Bootstrap(2000, 1, 0.95).ofMean(values));
    }

    private ImageEvaluation exact(String name) {
        ImageEvaluation row = evaluation.add(name, new float[] {1, 0, 0, 0}, mask(2, "10", "00"), 2, 2);
        assertThat(row.protocol().meanDice()).isCloseTo(EXACT, within(TOL));
        return row;
    }

    private ImageEvaluation blank(String name) {
        ImageEvaluation row = evaluation.add(name, new float[4], mask(2, "10", "00"), 2, 2);
        assertThat(row.protocol().meanDice()).isCloseTo(BLANK, within(TOL));
        return row;
    }

    private ImageEvaluation emptyTruth(String name) {
        ImageEvaluation row = evaluation.add(name, new float[] {1, 0, 0, 0}, new boolean[4], 2, 2);
        assertThat(row.hasTruth()).isFalse();
        assertThat(row.protocol().meanDice()).isZero();
        return row;
    }

    private static void assertBounds(Bootstrap.Interval interval, double lower, double upper) {
        assertThat(interval.lower()).as("lower").isCloseTo(lower, within(TOL));
        assertThat(interval.upper()).as("upper").isCloseTo(upper, within(TOL));
    }
}
