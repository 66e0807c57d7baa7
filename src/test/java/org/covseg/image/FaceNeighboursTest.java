package org.covseg.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FaceNeighboursTest {

    @Test
    void neighboursAreClippedToTheGrid() {
        FaceNeighbours n = new FaceNeighbours(3, 2, 2);
        int[] out = new int[6];
        int corner = n.of(0, out);
        assertThat(Arrays.copyOf(out, corner)).containsExactlyInAnyOrder(1, 3, 6);
        int middle = n.of(1 + 3 * 1 + 6 * 1, out); // (1,1,1)
        assertThat(Arrays.copyOf(out, middle)).containsExactlyInAnyOrder(9, 11, 7, 4);
        FaceNeighbours slice = new FaceNeighbours(3, 3, 1);
        assertThat(slice.of(4, out)).isEqualTo(4);
    }
}
