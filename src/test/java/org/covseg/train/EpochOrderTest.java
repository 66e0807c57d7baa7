package org.covseg.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EpochOrderTest {

    @Test
    void aPermutationThatDependsOnlyOnSeedAndEpoch() {
        int[] order = EpochOrder.shuffled(50, 3, 7);
        assertThat(Arrays.stream(order).sorted().toArray()).isEqualTo(java.util.stream.IntStream.range(0, 50).toArray());
        assertThat(EpochOrder.shuffled(50, 3, 7)).isEqualTo(order);
        assertThat(EpochOrder.shuffled(50, 3, 8)).isNotEqualTo(order);
        assertThat(EpochOrder.shuffled(50, 4, 7)).isNotEqualTo(order);
    }
}
