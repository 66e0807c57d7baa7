package org.covseg.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ReorientationTest {

    /** A 2x3x4 volume whose voxel value encodes its source index. */
    private static Volume indexed(Affine affine) {
        Volume v = Volume.builder(2, 3, 4).affine(affine).spacing(1, 2, 3).build();
        for (int k = 0; k < 4; k++) {
            for (int j = 0; j < 3; j++) {
                for (int i = 0; i < 2; i++) {
                    v.set(i, j, k, 100 * i + 10 * j + k);
                }
            }
        }
        return v;
    }

    @Test
    void rasVolumeIsFlippedInPlaneOnly() {
        // A typical NIfTI affine: i toward Right... here +x = Right, so i must be flipped to run toward Left.
        Affine ras = Affine.ofRows(1, 0, 0, 0, 0, 2, 0, 0, 0, 0, 3, 0);
        Reorientation r = Reorientation.toCanonical(ras);
        assertThat(r.sourceAxis(0)).isZero();
        assertThat(r.flipped(0)).isTrue();
        assertThat(r.flipped(1)).isTrue();
        assertThat(r.flipped(2)).isFalse();
        Volume c = r.apply(indexed(ras));
        assertThat(c.get(0, 0, 0)).isEqualTo(100 + 20);
        assertThat(c.get(1, 2, 3)).isEqualTo(3);
    }

    @Test
    void everyVoxelKeepsItsWorldPosition() {
        // Source axes permuted: i along +z, j along -x, k along +y.
        Affine src = Affine.ofRows(0, -2, 0, 5, 0, 0, 3, -7, 1, 0, 0, 11);
        Volume source = indexed(src);
        Reorientation r = Reorientation.toCanonical(src);
        Volume c = r.apply(source);
        assertThat(c.spacing()).containsExactly(2, 3, 1);
        for (int k = 0; k < c.depth(); k++) {
            for (int j = 0; j < c.height(); j++) {
                for (int i = 0; i < c.width(); i++) {
                    float value = c.get(i, j, k);
                    int si = (int) value / 100;
                    int sj = (int) value / 10 % 10;
                    int sk = (int) value % 10;
                    assertThat(c.affine().apply(i, j, k)).containsExactly(src.apply(si, sj, sk), within(1e-9));
                }
            }
        }
        // canonical axes: i toward Left (-x), j toward Posterior (-y), k toward Superior (+z)
        assertThat(c.affine().get(0, 0)).isNegative();
        assertThat(c.affine().get(1, 1)).isNegative();
        assertThat(c.affine().get(2, 2)).isPositive();
    }

    @Test
    void inverseRestoresTheSourceOrder() {
        Affine src = Affine.ofRows(0, -2, 0, 5, 0, 0, 3, -7, 1, 0, 0, 11);
        Volume source = indexed(src);
        Volume canonical = Reorientation.toCanonical(src).apply(source);
        assertThat(canonical.affine().axisCodes()).isEqualTo("LPS");
        assertThat(canonical.sourceAffine()).isEqualTo(src);
        assertThat(src.axisCodes()).isEqualTo("SLA");
        Volume back = canonical.fromSource().inverse().apply(canonical);
        assertThat(back.toArray()).containsExactly(source.toArray());
        assertThat(back.affine()).isEqualTo(src);
        assertThat(back.fromSource().isIdentity()).isTrue();
    }

    @Test
    void sliceViewSharesVoxelsAndShiftsOrigin() {
        Volume v = indexed(Affine.diagonal(-1, -2, 3));
        Volume s = v.slice(2);
        assertThat(s.depth()).isEqualTo(1);
        assertThat(s.get(1, 2, 0)).isEqualTo(122);
        assertThat(s.affine().apply(0, 0, 0)).containsExactly(0, 0, 6);
        s.set(0, 0, 0, -5);
        assertThat(v.get(0, 0, 2)).isEqualTo(-5);
    }

    @Test
    void aSliceAtATimeIsTheWholeReorientationsSlice() {
        Volume floats = indexed(Affine.diagonal(1, 2, 3));
        Volume labels = floats.asLabels();
        for (int[] axes : new int[][] {{0, 1, 2}, {1, 0, 2}}) {
            for (int flips = 0; flips < 8; flips++) {
                Reorientation r = new Reorientation(axes,
                        new boolean[] {(flips & 1) != 0, (flips & 2) != 0, (flips & 4) != 0});
                assertThat(r.keepsSliceAxis()).isTrue();
                for (Volume source : new Volume[] {floats, labels}) {
                    Volume whole = r.apply(source);
                    assertThat(r.dimensionsOf(source)).containsExactly(whole.width(), whole.height(), whole.depth());
                    assertThat(r.affineOf(source)).isEqualTo(whole.affine());
                    for (int k = 0; k < whole.depth(); k++) {
                        Volume slice = r.slice(source, k);
                        assertThat(slice.isLabelMap()).isEqualTo(source.isLabelMap());
                        assertThat(slice.toArray()).as("%s slice %d", r, k).containsExactly(whole.sliceArray(k));
                    }
                }
            }
        }
    }

    @Test
    void aReorientationThatMovesTheSliceAxisRefusesToGoSliceBySlice() {
        Reorientation r = new Reorientation(new int[] {2, 1, 0}, new boolean[3]);
        assertThat(r.keepsSliceAxis()).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> r.slice(indexed(Affine.diagonal(1, 1, 1)), 0))
                .isInstanceOf(IllegalStateException.class);
    }
}
