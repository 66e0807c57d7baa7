package org.covseg.lungs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class VoxelBoxTest {

    private static final ScanGrid GRID = new ScanGrid(13, 11, 7, new double[] {1, 1, 2});

    @Test
    void theBoxAroundAMaskIsItsBoundsGrownInPlaneAndClipped() {
        boolean[] mask = new boolean[13 * 11 * 7];
        mask[3 + 13 * (4 + 11 * 2)] = true;     // (3, 4, 2)
        mask[9 + 13 * (5 + 11 * 4)] = true;     // (9, 5, 4)
        mask[12 + 13 * (10 + 11 * 6)] = true;   // (12, 10, 6): outside slices 0..5
        VoxelBox box = VoxelBox.around(p -> mask[p], GRID, 0, 6, 2);
        assertThat(new int[] {box.i0, box.j0, box.k0, box.width, box.height, box.depth})
                .containsExactly(1, 2, 2, 11, 6, 3);     // i 1..11, j 2..7, k 2..4
        VoxelBox clipped = VoxelBox.around(p -> mask[p], GRID, 0, 7, 3);
        assertThat(new int[] {clipped.i0, clipped.j0, clipped.k0, clipped.width, clipped.height, clipped.depth})
                .containsExactly(0, 1, 2, 13, 10, 5);    // i 0..12, j 1..10, k 2..6
        assertThat(VoxelBox.around(p -> false, GRID, 0, 7, 1)).isNull();
    }

    @Test
    void theBoxAgreesWithTheBoundsOfRandomMasks() {
        Random random = new Random(9);
        for (int round = 0; round < 50; round++) {
            double density = random.nextDouble() * 0.02;
            boolean[] mask = new boolean[13 * 11 * 7];
            int[] min = {99, 99, 99};
            int[] max = {-1, -1, -1};
            for (int k = 0; k < 7; k++) {
                for (int j = 0; j < 11; j++) {
                    for (int i = 0; i < 13; i++) {
                        if (random.nextDouble() < density) {
                            mask[i + 13 * (j + 11 * k)] = true;
                            int[] at = {i, j, k};
                            for (int a = 0; a < 3; a++) {
                                min[a] = Math.min(min[a], at[a]);
                                max[a] = Math.max(max[a], at[a]);
                            }
                        }
                    }
                }
            }
            VoxelBox box = VoxelBox.around(p -> mask[p], GRID, 0, 7, 1);
            if (max[0] < 0) {
                assertThat(box).isNull();
                continue;
            }
            assertThat(new int[] {box.i0, box.j0, box.k0, box.i0 + box.width - 1, box.j0 + box.height - 1,
                box.k0 + box.depth - 1}).containsExactly(Math.max(0, min[0] - 1), Math.max(0, min[1] - 1), min[2],
                    Math.min(12, max[0] + 1), Math.min(10, max[1] + 1), max[2]);
        }
    }
}
