package org.covseg.image;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks that a volume held one way reads as another through every accessor. */
final class SameVoxels {

    private SameVoxels() {
    }

    static void assertReadsAs(Volume actual, Volume expected) {
        float[] all = expected.toArray();
        assertThat(actual.toArray()).containsExactly(all);
        assertThat(actual.voxelsToRead()).containsExactly(all);
        for (int k = 0; k < expected.depth(); k++) {
            assertThat(actual.sliceArray(k)).containsExactly(expected.sliceArray(k));
            assertThat(actual.slice(k).toArray()).containsExactly(expected.sliceArray(k));
        }
        assertThat(actual.get(expected.width() - 1, expected.height() - 1, expected.depth() - 1))
                .isEqualTo(all[all.length - 1]);
        assertThat(actual.range()).containsExactly(expected.range());
        assertThat(actual.above(all[all.length / 2])).containsExactly(expected.above(all[all.length / 2]));
        assertThat(actual.nonZeroCount()).isEqualTo(expected.nonZeroCount());
        assertThat(actual.spacing()).containsExactly(expected.spacing());
        assertThat(actual.affine()).isEqualTo(expected.affine());
        assertThat(actual.metadata()).isEqualTo(expected.metadata());
    }
}
