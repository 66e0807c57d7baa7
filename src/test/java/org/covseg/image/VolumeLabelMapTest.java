package org.covseg.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VolumeLabelMapTest {

    private static Volume floats() {
        return Volume.builder(2, 2, 3).voxels(new float[] {0, 1, 2, 255, 0, 0, 1, 1, 2, 0, 0, 7}).spacing(1, 2, 3)
                .unit(IntensityUnit.LABEL).build();
    }

    @Test
    void aLabelMapReadsAsTheFloatsItWasMadeFrom() {
        Volume f = floats();
        Volume l = f.asLabels();

        assertThat(l.isLabelMap()).isTrue();
        assertThat(f.isLabelMap()).isFalse();
        SameVoxels.assertReadsAs(l, f);
        assertThat(l.get(1, 1, 0)).isEqualTo(255);
        assertThat(l.sliceArray(2)).containsExactly(2, 0, 0, 7);
        assertThat(l.range()).containsExactly(0, 255);
        assertThat(l.nonZeroCount()).isEqualTo(7);
        assertThat(l.above(1)).containsExactly(false, false, true, true, false, false, false, false, true, false,
                false, true);
        assertThat(l.spacing()).containsExactly(1, 2, 3);
        assertThat(l.unit()).isEqualTo(IntensityUnit.LABEL);
        assertThat(l.asLabels()).isSameAs(l);
    }

    @Test
    void slicesAndCopiesStayLabelMapsAndViewsShareTheirBytes() {
        Volume l = floats().asLabels();
        Volume s = l.slice(1);
        s.set(0, 0, 0, 9);

        assertThat(s.isLabelMap()).isTrue();
        assertThat(l.get(0, 0, 1)).isEqualTo(9);
        Volume c = l.copy();
        c.set(0, 0, 1, 3);
        assertThat(c.isLabelMap()).isTrue();
        assertThat(l.get(0, 0, 1)).isEqualTo(9);
        float[] into = new float[4];
        l.readSlice(1, into);
        assertThat(into).containsExactly(9, 0, 1, 1);
    }

    @Test
    void onlyWholeNumbersFrom0To255AreLabels() {
        Volume l = floats().asLabels();

        for (float bad : new float[] {0.5f, -1, 256, Float.NaN}) {
            assertThatThrownBy(() -> l.set(0, 0, 0, bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("whole numbers 0..255");
            Volume f = floats();
            f.set(1, 0, 2, bad);
            assertThatThrownBy(f::asLabels).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(l.get(0, 0, 0)).isZero();
    }

    @Test
    void floatsGivenToALabelMapMakeAFloatVolume() {
        Volume l = floats().asLabels();
        Volume p = l.withVoxels(new float[12], IntensityUnit.PROBABILITY);

        assertThat(p.isLabelMap()).isFalse();
        p.set(0, 0, 0, 0.25f);
        assertThat(p.get(0, 0, 0)).isEqualTo(0.25f);
        assertThat(l.withLabels(new byte[] {(byte) 200, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}).get(0, 0, 0))
                .isEqualTo(200);
    }

    @Test
    void aReorientedLabelMapIsTheReorientedFloatsStillAsLabels() {
        Affine src = Affine.ofRows(0, -2, 0, 5, 0, 0, 3, -7, 1, 0, 0, 11);
        Volume f = Volume.builder(2, 2, 3).affine(src).voxels(floats().toArray()).unit(IntensityUnit.LABEL).build();
        Reorientation r = Reorientation.toCanonical(src);

        Volume fromFloats = r.apply(f);
        Volume fromLabels = r.apply(f.asLabels());
        assertThat(fromLabels.isLabelMap()).isTrue();
        assertThat(fromLabels.toArray()).containsExactly(fromFloats.toArray());
        assertThat(fromLabels.affine()).isEqualTo(fromFloats.affine());
        assertThat(r.apply(f.asLabels().slice(1)).toArray()).containsExactly(r.apply(f.slice(1)).toArray());
    }
}
