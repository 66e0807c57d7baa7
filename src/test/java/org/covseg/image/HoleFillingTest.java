package org.covseg.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HoleFillingTest {

    private static boolean[] parse(String... rows) {
        String all = String.join("", rows);
        boolean[] m = new boolean[all.length()];
        for (int p = 0; p < m.length; p++) {
            m[p] = all.charAt(p) == '#';
        }
        return m;
    }

    private static String render(boolean[] m, int width) {
        StringBuilder s = new StringBuilder();
        for (int p = 0; p < m.length; p++) {
            s.append(m[p] ? '#' : '.');
            if (p % width == width - 1) {
                s.append('|');
            }
        }
        return s.toString();
    }

    @Test
    void fillsEnclosedHolesButNotBaysOpenToTheBorder() {
        boolean[] m = parse(
                "......",
                ".####.",
                ".#..#.",
                ".####.",
                ".#..#.",
                ".#..#.");
        assertThat(render(HoleFilling.fill(m, 6, 6, 1), 6)).isEqualTo(
                "......|.####.|.####.|.####.|.#..#.|.#..#.|");
    }

    @Test
    void anOutlineClosedOnlyDiagonallyStillEnclosesItsHole() {
        boolean[] m = parse(
                ".....",
                "..#..",
                ".#.#.",
                "..#..",
                ".....");
        assertThat(HoleFilling.fill(m, 5, 5, 1)[12]).isTrue();
    }

    @Test
    void eachSliceIsFilledOnItsOwn() {
        // slice 0: a ring around (1,1); slice 1: the same ring opened at the top; a hole is not closed through k
        boolean[] m = parse(
                "###", "#.#", "###",
                "#.#", "#.#", "###");
        boolean[] filled = HoleFilling.fill(m, 3, 3, 2);
        assertThat(filled[4]).isTrue();
        assertThat(filled[9 + 4]).isFalse();
    }

    @Test
    void borderConnectedVoxelsAreFoundSliceBySlice() {
        boolean[] m = parse(
                "#....",
                "##.#.",
                "...#.",
                ".....",
                ".....");
        boolean[] reached = HoleFilling.connectedToBorder(m, 5, 5, 1);
        assertThat(render(reached, 5)).isEqualTo("#....|##...|.....|.....|.....|");
    }

    @Test
    void rejectsAMaskOfTheWrongSize() {
        assertThatThrownBy(() -> HoleFilling.fill(new boolean[5], 2, 2, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fillingMatchesTheBackgroundNotReachedFromTheSliceBorder() {
        java.util.Random random = new java.util.Random(11);
        for (int trial = 0; trial < 200; trial++) {
            int w = 1 + random.nextInt(12);
            int h = 1 + random.nextInt(12);
            int d = 1 + random.nextInt(3);
            double density = random.nextDouble();
            boolean[] mask = new boolean[w * h * d];
            for (int p = 0; p < mask.length; p++) {
                mask[p] = random.nextDouble() < density;
            }
            boolean[] background = new boolean[mask.length];
            for (int p = 0; p < mask.length; p++) {
                background[p] = !mask[p];
            }
            boolean[] open = HoleFilling.connectedToBorder(background, w, h, d);
            boolean[] expected = new boolean[mask.length];
            for (int p = 0; p < mask.length; p++) {
                expected[p] = !open[p];
            }
            assertThat(HoleFilling.fill(mask, w, h, d)).as("trial %d, %d x %d x %d", trial, w, h, d)
                    .containsExactly(expected);
        }
    }
}
