package org.covseg.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.covseg.image.IntensityUnit;
import org.covseg.image.Volume;
import org.junit.jupiter.api.Test;

class OverviewSheetTest {

    /** A 4x6x3 volume with voxel value 100k + 10j + i, 1 x 1 x 2 mm. */
    private static Volume indexed() {
        float[] v = new float[4 * 6 * 3];
        for (int k = 0; k < 3; k++) {
            for (int j = 0; j < 6; j++) {
                for (int i = 0; i < 4; i++) {
                    v[i + 4 * (j + 6 * k)] = 100 * k + 10 * j + i;
                }
            }
        }
        return Volume.builder(4, 6, 3).voxels(v).spacing(1, 1, 2).unit(IntensityUnit.HU).build();
    }

    @Test
    void theCoronalViewCutsThroughTheLungsMiddleRowSuperiorFirstToScale() {
        float[] lungRows = new float[4 * 6 * 3];
        lungRows[4 * 1] = 1; // row 1 of slice 0
        lungRows[4 * (5 + 6 * 2)] = 2; // row 5 of slice 2: the middle row is (1 + 5) / 2 = 3
        assertThat(OverviewSheet.middleRow(indexed().withVoxels(lungRows, IntensityUnit.LABEL))).isEqualTo(3);
        Volume lungs = indexed().withVoxels(lungRows, IntensityUnit.LABEL);
        Volume coronal = OverviewSheet.coronal(indexed(), OverviewSheet.middleRow(lungs));
        assertThat(coronal.width()).isEqualTo(4);
        assertThat(coronal.height()).as("3 slices of 2 mm at 1 mm pixels").isEqualTo(6);
        assertThat(coronal.get(0, 0, 0)).as("top: the last (superior) slice").isEqualTo(230);
        assertThat(coronal.get(3, 1, 0)).isEqualTo(233);
        assertThat(coronal.get(1, 2, 0)).isEqualTo(131);
        assertThat(coronal.get(2, 5, 0)).as("bottom: the first slice").isEqualTo(32);
    }

    @Test
    void theSheetHasTwelveAxialTilesAndTheCoronalViewBelow() {
        Volume ct = indexed();
        Volume none = ct.withVoxels(new float[4 * 6 * 3], IntensityUnit.LABEL);
        BufferedImage sheet = OverviewSheet.render(ct, none, none, false);
        assertThat(sheet.getWidth()).isEqualTo(4 * 256);
        assertThat(sheet.getHeight()).isGreaterThan(3 * 256 + 4 * 256 * 6 / 4 - 1);
    }
}
