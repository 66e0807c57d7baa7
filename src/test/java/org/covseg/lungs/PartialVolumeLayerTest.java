package org.covseg.lungs;

import static org.assertj.core.api.Assertions.assertThat;

import org.covseg.image.IntensityUnit;
import org.covseg.image.Volume;
import org.junit.jupiter.api.Test;

class PartialVolumeLayerTest {

    private static final float LIVER = 40;
    private static final float LUNG = -850;
    private static final float HAZE = -400;

    /**
     * Columns of a 1-pixel-high strip, slice by slice from the first: each string gives a column's voxels, 'S' solid
     * tissue, 'A' aerated lung, 'i' infected haze, 'D' infected dense (consolidation, +30 HU).
     */
    private static Volume[] strip(double sliceMm, String... columns) {
        int depth = columns[0].length();
        int w = columns.length;
        float[] ct = new float[w * depth];
        float[] infection = new float[w * depth];
        for (int x = 0; x < w; x++) {
            for (int z = 0; z < depth; z++) {
                char c = columns[x].charAt(z);
                ct[z * w + x] = switch (c) {
                    case 'S' -> LIVER;
                    case 'A' -> LUNG;
                    case 'D' -> 30;
                    default -> HAZE;
                };
                infection[z * w + x] = c == 'i' ? 1 : c == 'D' ? 2 : 0;
            }
        }
        Volume scan = Volume.builder(w, 1, depth).voxels(ct).unit(IntensityUnit.HU).spacing(0.7, 0.7, sliceMm)
                .build();
        return new Volume[] {scan, scan.withLabels(toBytes(infection))};
    }

    private static byte[] toBytes(float[] v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    /** Column x of the mask, as the strip's letters would show the infected voxels kept ('i'/'D') or not ('.'). */
    private static String column(Volume mask, int x) {
        StringBuilder s = new StringBuilder();
        for (int z = 0; z < mask.depth(); z++) {
            float v = mask.get(x, 0, z);
            s.append(v == 0 ? '.' : v == 1 ? 'i' : 'D');
        }
        return s.toString();
    }

    @Test
    void aOneSliceLayerBetweenTheDomeAndAeratedLungIsDroppedALesionOnTheDomeStays() {
        Volume[] s = strip(2.5,
                "SSSSiAAAAA",      // the dome's partial volume: one slice of haze on the liver, lung above
                "SSSSiiiAAA",      // a basal lesion three slices tall on the dome
                "SSSSDAAAAA",      // one dense slice on the dome: dropped as well (the layer is judged by its ends)
                "AAAAiAAAAA",      // one slice of haze inside aerated lung: not at a surface
                "AAAAiSSSSS",      // the underside of a vessel or the pleura above an apex
                "AAAAiiSSSS");     // two slices are 5 mm: taller than the layer
        Volume kept = PartialVolumeLayer.removeFrom(s[1], s[0]);
        assertThat(column(kept, 0)).isEqualTo("..........");
        assertThat(column(kept, 1)).isEqualTo("....iii...");
        assertThat(column(kept, 2)).isEqualTo("..........");
        assertThat(column(kept, 3)).isEqualTo("....i.....");
        assertThat(column(kept, 4)).isEqualTo("..........");
        assertThat(column(kept, 5)).isEqualTo("....ii....");
        assertThat(column(s[1], 0)).as("the mask given is not modified").isEqualTo("....i.....");
    }

    @Test
    void theLayerIsAtMostThreeMillimetresTall() {
        assertThat(PartialVolumeLayer.maxRun(0.625)).isEqualTo(4);
        assertThat(PartialVolumeLayer.maxRun(1.0)).isEqualTo(3);
        assertThat(PartialVolumeLayer.maxRun(2.5)).isEqualTo(1);
        assertThat(PartialVolumeLayer.maxRun(3)).isEqualTo(1);
        assertThat(PartialVolumeLayer.maxRun(5)).isZero();
        Volume[] thin = strip(0.625, "SSiiiiAAAA", "SSiiiiiAAA");
        Volume kept = PartialVolumeLayer.removeFrom(thin[1], thin[0]);
        assertThat(column(kept, 0)).as("2.5 mm of haze on the dome").isEqualTo("..........");
        assertThat(column(kept, 1)).as("3.1 mm").isEqualTo("..iiiii...");
    }

    @Test
    void aRunWithAnEndOutsideTheScanOrWithoutBothEndsIsKept() {
        Volume[] s = strip(2.5, "iAAAA", "AAAAi", "SSiSS", "AAiAA", "SiAAA");
        Volume kept = PartialVolumeLayer.removeFrom(s[1], s[0]);
        assertThat(column(kept, 0)).isEqualTo("i....");
        assertThat(column(kept, 1)).isEqualTo("....i");
        assertThat(column(kept, 2)).as("between solid tissue on both sides").isEqualTo("..i..");
        assertThat(column(kept, 3)).isEqualTo("..i..");
        assertThat(column(kept, 4)).isEqualTo(".....");
    }

    @Test
    void aMaskWithoutLayersThickSlicesAnEightBitImageAndASingleSliceAreLeftAsTheyAre() {
        Volume[] thick = strip(5, "SSiAA");
        assertThat(PartialVolumeLayer.removeFrom(thick[1], thick[0])).as("5 mm slices").isSameAs(thick[1]);
        Volume[] s = strip(2.5, "SSSiiiAA");
        assertThat(PartialVolumeLayer.removeFrom(s[1], s[0])).isSameAs(s[1]);
        Volume[] layer = strip(2.5, "SSiAA");
        Volume grey = layer[0].withVoxels(new float[] {200, 200, 100, 20, 20}, IntensityUnit.WINDOWED_8BIT);
        assertThat(PartialVolumeLayer.removeFrom(layer[1], grey)).isSameAs(layer[1]);
        Volume[] one = strip(2.5, "i");
        assertThat(PartialVolumeLayer.removeFrom(one[1], one[0])).isSameAs(one[1]);
    }
}
