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
}
