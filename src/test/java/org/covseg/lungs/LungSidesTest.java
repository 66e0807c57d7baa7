package org.covseg.lungs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.covseg.CovsegException;
import org.covseg.image.IntensityUnit;
import org.covseg.image.Volume;
import org.covseg.phantom.Phantom;
import org.covseg.phantom.PhantomConfig;
import org.junit.jupiter.api.Test;

class LungSidesTest {

    @Test
    void lungsThatTouchAreToldApartAndKeepTheMasksExtent() {
        Phantom phantom = Phantom.generate(PhantomConfig.builder().grid(96, 10, 3.6, 20).seed(9).touchingLungs(true)
                .build());
        float[] truth = phantom.lungs().toArray();
        float[] binary = new float[truth.length];
        for (int p = 0; p < truth.length; p++) {
            binary[p] = truth[p] != 0 ? 1 : 0;
        }

        float[] split = LungSides.split(phantom.lungs().withVoxels(binary, IntensityUnit.LABEL), phantom.ct())
                .toArray();

        long[] sides = new long[3];
        long agree = 0;
        for (int p = 0; p < truth.length; p++) {
            assertThat(split[p] != 0).isEqualTo(truth[p] != 0);
            sides[(int) split[p]]++;
            agree += truth[p] != 0 && split[p] == truth[p] ? 1 : 0;
        }
        assertThat(sides[1]).isCloseTo(phantom.truth().right().lungVoxels(), withinPercentage(2));
        assertThat(sides[2]).isCloseTo(phantom.truth().left().lungVoxels(), withinPercentage(2));
        assertThat((double) agree / (sides[1] + sides[2])).isGreaterThan(0.99);
    }

    @Test
    void anEmptyMaskIsRefused() {
        Volume ct = Volume.builder(8, 8, 2).unit(IntensityUnit.HU).build();
        Volume empty = Volume.builder(8, 8, 2).unit(IntensityUnit.LABEL).build();

        assertThatThrownBy(() -> LungSides.split(empty, ct)).isInstanceOf(CovsegException.class)
                .hasMessageContaining("no lung voxel");
    }
}
