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

    @Test
    void fillingALabelInPlaceGivesItTheHolesOfItsMaskThatNoOtherLabelHolds() {
        // "1" encloses a hole of background and a hole holding a "2"; "2" has its own hole in the next slice.
        String[] slice0 = {
            ".......",
            ".11111.",
            ".1..1..",
            ".11112.",
            ".1.21..",
            ".11111."};
        String[] slice1 = {
            ".......",
            "..222..",
            "..2.2..",
            "..222..",
            ".......",
            "......."};
        byte[] labels = labels(String.join("", slice0) + String.join("", slice1));
        HoleFilling.fillLabel(labels, (byte) 1, 7, 6, 2);
        HoleFilling.fillLabel(labels, (byte) 2, 7, 6, 2);
        assertThat(render(labels, 7)).isEqualTo(
                ".......|.11111.|.1111..|.11112.|.1121..|.11111.|"
                + ".......|..222..|..222..|..222..|.......|.......|");
    }

    @Test
    void fillingALabelInPlaceAgreesWithFillingItsMask() {
        java.util.Random random = new java.util.Random(5);
        int w = 23;
        int h = 17;
        int d = 4;
        for (int round = 0; round < 20; round++) {
            byte[] labels = new byte[w * h * d];
            for (int p = 0; p < labels.length; p++) {
                double u = random.nextDouble();
                labels[p] = (byte) (u < 0.45 ? 1 : u < 0.55 ? 2 : 0);
            }
            byte[] expected = labels.clone();
            boolean[] mask = new boolean[labels.length];
            for (int p = 0; p < labels.length; p++) {
                mask[p] = labels[p] == 1;
            }
            boolean[] filled = HoleFilling.fill(mask, w, h, d);
            for (int p = 0; p < labels.length; p++) {
                if (filled[p] && expected[p] == 0) {
                    expected[p] = 1;
                }
            }
            HoleFilling.fillLabel(labels, (byte) 1, w, h, d);
            assertThat(labels).isEqualTo(expected);
        }
    }

    private static byte[] labels(String all) {
        byte[] out = new byte[all.length()];
        for (int p = 0; p < out.length; p++) {
            out[p] = (byte) (all.charAt(p) == '.' ? 0 : all.charAt(p) - '0');
        }
        return out;
    }

    private static String render(byte[] labels, int width) {
        StringBuilder s = new StringBuilder();
        for (int p = 0; p < labels.length; p++) {
            s.append(labels[p] == 0 ? '.' : (char) ('0' + labels[p]));
            if (p % width == width - 1) {
                s.append('|');
            }
        }
        return s.toString();
    }
}
