package org.covseg.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StudyAggregationTest {

    @Test
    void lungSlicesHoldAtLeastTheShareOfTheLargestLungArea() {
        // Largest area 100: with a 25% share, slices of at least 25 voxels count.
        long[] areas = {0, 10, 100, 30, 20, 80, 25};
        assertThat(StudyAggregation.DEFAULT.lungSlices(areas)).containsExactly(2, 3, 5, 6);
        assertThat(new StudyAggregation(0, 0.1).lungSlices(areas)).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(StudyAggregation.DEFAULT.lungSlices(new long[] {0, 0})).isEmpty();
    }

    @Test
    void topKIsTheCeilingOfTheShareAndAtLeastOne() {
        assertThat(StudyAggregation.DEFAULT.topK(1)).isEqualTo(1);
        assertThat(StudyAggregation.DEFAULT.topK(10)).isEqualTo(1);
        assertThat(StudyAggregation.DEFAULT.topK(11)).isEqualTo(2);
        assertThat(StudyAggregation.DEFAULT.topK(40)).isEqualTo(4);
    }

    @Test
    void probabilityIsTheMeanOfTheHighestSliceProbabilities() {
        double[] p = {0.2, 0.9, 0.4, 0.1, 0.6};
        // 5 slices, 10% → k = 1: the highest, 0.9.
        assertThat(StudyAggregation.DEFAULT.probability(p)).isEqualTo(0.9);
        // 50% → k = ceil(2.5) = 3: (0.9 + 0.6 + 0.4) / 3.
        assertThat(new StudyAggregation(0.25, 0.5).probability(p)).isCloseTo(1.9 / 3, within(1e-12));
        assertThat(new StudyAggregation(0.25, 1).probability(p)).isCloseTo(2.2 / 5, within(1e-12));
    }
}
