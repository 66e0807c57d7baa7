package org.covseg.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.covseg.metrics.InfNetProtocolTest.mask;

import org.junit.jupiter.api.Test;

class SMeasureTest {

    private static final double TOL = 1e-12;

    /**
     * <pre>
     * G = 1 1 0     map = .8 .6 0
     *     1 0 0           .4 .2 0
     *     0 0 0           0  0  0
     * </pre>
     * S_object: foreground {.8, .6, .4}: mean .6, std .2 → O_FG = 1.2/(.36 + 1 + .2) = 1.2/1.56;
     * background 1 − map on ¬G = {1, .8, 1, 1, 1, 1}: mean 29/30, squares 5·(1/30)² + (1/6)² = 1/30, std √(1/150)
     * → O_BG = 2·(29/30)/((29/30)² + 1 + √(1/150)); u = 3/9 → S_object = O_FG/3 + 2·O_BG/3.
     * S_region: centroid X = round((1·2 + 2·1)/3) = 1, Y = round((1·2 + 2·1)/3) = 1;
     * LT [.8]/[1] (1 pixel: α = β = 0) → 1, weight 1/9;
     * RT [.6 0]/[1 0]: μx .3, μy .5, σx² .18, σy² .5, σxy .3 → α = 4·.3·.5·.3 = .18, β = (.09+.25)(.68) = .2312
     *   → .18/.2312, weight 2/9 (variances over N − 1 + eps = 1 + eps, hence the 1e-12 tolerance);
     * LB [.4 0]ᵀ/[1 0]ᵀ: μx .2, σx² .08, σxy .2 → α = .08, β = (.04+.25)(.58) = .1682 → .08/.1682, weight 2/9;
     * RB [.2 0; 0 0]/zeros: μy = 0 → α = 0, β = .05²·.01 > 0 → 0, weight 4/9.
     * S = (S_object + S_region)/2.
     */
    @Test
    void threeByThreeByHand() {
        boolean[] g = mask(3, "110", "100", "000");
        double[] map = {.8, .6, 0, .4, .2, 0, 0, 0, 0};
        double oFg = 1.2 / 1.56;
        double oBg = 2 * (29 / 30.0) / ((29 / 30.0) * (29 / 30.0) + 1 + Math.sqrt(1 / 150.0));
        double object = oFg / 3 + 2 * oBg / 3;
        double region = 1 / 9.0 + 2 / 9.0 * (.18 / .2312) + 2 / 9.0 * (.08 / .1682);
        assertThat(SMeasure.of(map, g, 3, 3)).isCloseTo((object + region) / 2, within(TOL))
                .isCloseTo(0.642763, within(1e-6));
    }

    /**
     * <pre>
     * G = 0 1 1 0     map = 0  1 .5 0
     *     0 0 0 0           .5 0  0  0    (rows 3-4: zeros in both)
     * </pre>
     * Centroid X = round((2 + 3)/2) = round(2.5) = 3 (MATLAB rounds half away from zero; floor or Python's
     * round-half-even would give 2), Y = 1.
     * LT = row 1, cols 1-3: map [0 1 .5] vs G [0 1 1]: μx .5, μy 2/3, Σdx² .5, Σdy² 2/3, Σdxdy 1/2, over N−1 = 2:
     *   σx² .25, σy² 1/3, σxy .25 → α = 4·.5·(2/3)·.25 = 1/3, β = (.25 + 4/9)(.25 + 1/3) = 175/432 → Q = 144/175,
     *   weight 3/16; RT = one pixel → 1, weight 1/16; LB (3x3, G zeros, map not constant) → α = 0, β > 0 → 0,
     *   weight 9/16; RB (3x1, zeros/zeros) → α = β = 0 → 1, weight 3/16. S_region = 3/16·144/175 + 1/16 + 3/16.
     * S_object: foreground {1, .5}: mean .75, std √.125 → O_FG = 1.5/(.5625 + 1 + √.125); background 1 − map:
     *   thirteen 1s and one .5: mean 27/28, squares 13/28² + 13²/28² = 182/784, std √(182/784/13) = √(1/56)
     *   → O_BG = 2·(27/28)/((27/28)² + 1 + √(1/56)); u = 2/16 → S_object = O_FG/8 + 7·O_BG/8.
     */
    @Test
    void centroidRoundsHalfAwayFromZero() {
        boolean[] g = mask(4, "0110", "0000", "0000", "0000");
        double[] map = {0, 1, .5, 0, .5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        double oFg = 1.5 / (.5625 + 1 + Math.sqrt(.125));
        double oBg = 2 * (27 / 28.0) / ((27 / 28.0) * (27 / 28.0) + 1 + Math.sqrt(1 / 56.0));
        double region = 3 / 16.0 * 144 / 175.0 + 1 / 16.0 + 3 / 16.0;
        assertThat(SMeasure.of(map, g, 4, 4)).isCloseTo(0.5 * (oFg / 8 + 7 * oBg / 8) + 0.5 * region, within(TOL));
    }

    @Test
    void emptyAndFullGroundTruthUseTheMapMean() {
        double[] map = {.2, .4, .6, 1};
        assertThat(SMeasure.of(map, new boolean[4], 2, 2)).isCloseTo(1 - 0.55, within(TOL));
        assertThat(SMeasure.of(map, new boolean[] {true, true, true, true}, 2, 2)).isCloseTo(0.55, within(TOL));
    }

    @Test
    void centroidOnTheLastColumnGivesNaNLikeTheOfficialCode() {
        // G = bottom-right pixel only: X = 2 = width, Y = 2 = height, so RT, LB and RB are empty blocks:
        // mean2 of an empty block is 0/0 = NaN and w·NaN = NaN even with w = 0.
        assertThat(SMeasure.of(new double[] {0, 0, 0, 1}, mask(2, "00", "01"), 2, 2)).isNaN();
        // One block of size 0 is enough: G in the last column of a 3x3, rows 1-2 → X = 3, Y = round(1.5) = 2.
        assertThat(SMeasure.of(new double[9], mask(3, "001", "001", "000"), 3, 3)).isNaN();
    }

    @Test
    void negativeScoreIsClampedToZero() {
        // G = (1,2) and (2,1); map inverts G in the top-left 2x2 block, near 1 elsewhere.
        // Centroid X = round(3/2) = 2, Y = 2. LT: map [1 0; 0 1] vs G [0 1; 1 0]: μ .5/.5, σx² = σy² = 1/3,
        // σxy = −1/3 → α = −1/3, β = 1/3 → Q = −1 (weight 4/9); RT [1 .9]ᵀ and LB [1 .9] vs zeros → α = 0, β > 0 → 0;
        // RB one pixel → 1 (weight 1/9). S_region = −4/9 + 1/9 = −1/3.
        // S_object: O_FG = 0 (map 0 on G); background 1 − map = {0,0,0,.1,0,.1,0}: mean .2/7, std √(1/420)
        // → O_BG ≈ .0544, S_object = 7/9·O_BG ≈ .0423. (S_object + S_region)/2 ≈ −.146 < 0 → 0.
        double[] map = {1, 0, 1, 0, 1, .9, 1, .9, 1};
        assertThat(SMeasure.of(map, mask(3, "010", "100", "000"), 3, 3)).isEqualTo(0.0);
    }

    @Test
    void rejectsMapsOutsideZeroOne() {
        assertThatThrownBy(() -> SMeasure.of(new double[] {0, 1.5}, new boolean[2], 2, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[0, 1]");
        assertThatThrownBy(() -> SMeasure.of(new double[3], new boolean[2], 2, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
