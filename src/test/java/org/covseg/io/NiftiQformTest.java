package org.covseg.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.covseg.image.Affine;
import org.junit.jupiter.api.Test;

class NiftiQformTest {

    private static final double[] SPACING = {0.7, 1.3, 2.5};
    private static final int[][] PERMUTATIONS = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};

    @Test
    void everyAxisPermutationAndFlipSurvivesTheQuaternion() {
        for (int[] perm : PERMUTATIONS) {
            for (int signs = 0; signs < 8; signs++) {
                double[] rows = new double[12];
                for (int col = 0; col < 3; col++) {
                    double sign = (signs >> col & 1) == 1 ? -1 : 1;
                    rows[perm[col] * 4 + col] = sign * SPACING[col];
                }
                rows[3] = 12.5;
                rows[7] = -40;
                rows[11] = 3;
                Affine a = Affine.ofRows(rows);
                NiftiQform q = NiftiQform.of(a);
                assertThat(q.toAffine().rows()).as("%s", a).containsExactly(rows, within(1e-12));
                assertThat(q.qfac()).isIn(-1.0, 1.0);
            }
        }
    }

    @Test
    void obliqueRotation() {
        double ax = Math.toRadians(30);
        double az = Math.toRadians(20);
        // R = Rz(20°) · Rx(30°), columns scaled by the spacing, k column negated (a left-handed grid)
        double[][] r = {
            {Math.cos(az), -Math.sin(az) * Math.cos(ax), Math.sin(az) * Math.sin(ax)},
            {Math.sin(az), Math.cos(az) * Math.cos(ax), -Math.cos(az) * Math.sin(ax)},
            {0, Math.sin(ax), Math.cos(ax)},
        };
        double[] rows = new double[12];
        for (int row = 0; row < 3; row++) {
            for (int col = 0; col < 3; col++) {
                rows[row * 4 + col] = r[row][col] * SPACING[col] * (col == 2 ? -1 : 1);
            }
        }
        NiftiQform q = NiftiQform.of(Affine.ofRows(rows));
        assertThat(q.qfac()).isEqualTo(-1);
        assertThat(q.toAffine().rows()).containsExactly(rows, within(1e-12));
    }

    @Test
    void shearIsApproximatedByTheNearestRotation() {
        Affine sheared = Affine.ofRows(-1, 0.1, 0, 0, 0, -1, 0, 0, 0, 0, 2, 0);
        Affine q = NiftiQform.of(sheared).toAffine();
        for (int c = 0; c < 3; c++) {
            assertThat(q.columnNorm(c)).isCloseTo(sheared.columnNorm(c), within(1e-12));
        }
        double dot01 = q.get(0, 0) * q.get(0, 1) + q.get(1, 0) * q.get(1, 1) + q.get(2, 0) * q.get(2, 1);
        assertThat(dot01).isCloseTo(0, within(1e-12));
        assertThat(q.get(0, 0)).isNegative();
        assertThat(q.get(1, 1)).isNegative();
    }
}
