package org.covseg.lungs;

import static org.assertj.core.api.Assertions.assertThat;

import org.covseg.image.IntensityUnit;
import org.covseg.image.Volume;
import org.junit.jupiter.api.Test;

class AeratedLungTest {

    /** A 10x4 slice: columns 0-4 at hu1, 5-9 at hu2; infection on columns 1-3 and 6-8 of rows 1-2. */
    private static Volume[] slice(float hu1, float hu2, IntensityUnit unit) {
        float[] ct = new float[40];
        float[] infection = new float[40];
        for (int j = 0; j < 4; j++) {
            for (int i = 0; i < 10; i++) {
                ct[i + 10 * j] = i < 5 ? hu1 : hu2;
                infection[i + 10 * j] = j >= 1 && j <= 2 && i != 0 && i != 4 && i != 5 && i != 9 ? 2 : 0;
            }
        }
        Volume scan = Volume.builder(10, 4, 1).voxels(ct).unit(unit).build();
        return new Volume[] {scan, scan.withVoxels(infection, IntensityUnit.LABEL)};
    }

    @Test
    void aRegionAsDarkAsAeratedLungIsNotInfectionAndADenserOneStays() {
        Volume[] s = slice(-850, -600, IntensityUnit.HU);
        float[] kept = AeratedLung.removeFrom(s[1], s[0]).toArray();
        assertThat(kept[2 + 10]).as("region averaging -850 HU").isZero();
        assertThat(kept[7 + 10]).as("region averaging -600 HU").isEqualTo(2);
        int infected = 0;
        for (float v : kept) {
            infected += v != 0 ? 1 : 0;
        }
        assertThat(infected).isEqualTo(6);
    }

    @Test
    void regionsAreJudgedByTheirMeanSoDarkVoxelsInsideFaintGroundGlassStay() {
        // one region over both halves: 6 voxels at -800, 6 at -680, mean -740 HU, just above -750
        Volume[] s = slice(-800, -680, IntensityUnit.HU);
        float[] joined = s[1].toArray();
        joined[4 + 10] = 2;
        joined[5 + 10] = 2;
        float[] ct = s[0].toArray();
        ct[4 + 10] = -740;
        ct[5 + 10] = -740;
        Volume scan = s[0].withVoxels(ct, IntensityUnit.HU);
        assertThat(AeratedLung.removeFrom(s[1].withVoxels(joined, IntensityUnit.LABEL), scan).toArray())
                .containsExactly(joined);
    }

    @Test
    void eightBitImagesAreLeftAsTheyAre() {
        Volume[] s = slice(20, 20, IntensityUnit.WINDOWED_8BIT);
        assertThat(AeratedLung.removeFrom(s[1], s[0])).isSameAs(s[1]);
    }
}
