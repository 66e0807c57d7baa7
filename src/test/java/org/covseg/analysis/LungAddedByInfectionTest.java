package org.covseg.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.covseg.image.IntensityUnit;
import org.covseg.image.Volume;
import org.covseg.lungs.LungSide;
import org.covseg.report.MaskOrigins;
import org.junit.jupiter.api.Test;

class LungAddedByInfectionTest {

    private static Volume row(float... values) {
        return Volume.builder(values.length, 1, 1).voxels(values).unit(IntensityUnit.LABEL).build();
    }

    @Test
    void countsPerLungWhatOnlyTheInfectionMaskMadeLungAndTheInfectionLyingThere() {
        LungAddedByInfection added = new LungAddedByInfection();
        // right lung: 3 voxels, 1 added; left: 2 voxels, 1 added; the last voxel is infected outside any lung
        added.count(row(1, 1, 1, 2, 2, 0), row(1, 0, 1, 2, 0, 0), row(0, 1, 1, 0, 2, 1));
        assertThat(added.lungPercent(LungSide.RIGHT)).isCloseTo(100.0 / 3, within(1e-9));
        assertThat(added.lungPercent(LungSide.LEFT)).isCloseTo(50.0, within(1e-9));
        // infected in the lungs: voxels 1 (added), 2, 4 (added)
        assertThat(added.infectionPercent()).isCloseTo(200.0 / 3, within(1e-9));
        // a second grid adds to the counts: right 5 voxels, 1 added; infected 4, 2 added
        added.count(row(1, 1, 0), row(1, 1, 0), row(1, 0, 0));
        assertThat(added.lungPercent(LungSide.RIGHT)).isCloseTo(20.0, within(1e-9));
        assertThat(added.infectionPercent()).isCloseTo(50.0, within(1e-9));
        assertThat(added.facts()).isEqualTo(new MaskOrigins.AddedLung(20.0, 50.0, 50.0));
    }

    @Test
    void emptyLungsAndNoInfectionGiveZero() {
        LungAddedByInfection added = new LungAddedByInfection();
        added.count(row(0, 0), row(0, 0), row(0, 0));
        assertThat(added.lungPercent(LungSide.RIGHT)).isZero();
        assertThat(added.lungPercent(LungSide.LEFT)).isZero();
        assertThat(added.infectionPercent()).isZero();
    }
}
