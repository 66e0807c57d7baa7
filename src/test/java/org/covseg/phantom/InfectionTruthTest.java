package org.covseg.phantom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.covseg.image.IntensityUnit;
import org.covseg.image.Volume;
import org.junit.jupiter.api.Test;

class InfectionTruthTest {

    private static Volume labels(float... values) {
        return Volume.builder(4, 1, 2).voxels(values).spacing(1, 2, 5).unit(IntensityUnit.LABEL).build();
    }

    @Test
    void countsEachLungAndIgnoresInfectionOutsideTheLungs() {
        Volume lungs = labels(1, 1, 2, 0, /* slice 2 */ 1, 2, 2, 0);
        Volume infection = labels(1, 2, 0, 0, /* slice 2 */ 0, 2, 0, 1);
        InfectionTruth t = InfectionTruth.count(lungs, infection);
        assertThat(t.right()).isEqualTo(new LungInfection(3, 1, 1));
        assertThat(t.left()).isEqualTo(new LungInfection(3, 0, 1));
        assertThat(t.total()).isEqualTo(new LungInfection(6, 1, 2));
        assertThat(t.right().percentInfected()).isCloseTo(200.0 / 3, within(1e-9));
        assertThat(t.left().percentInfected()).isCloseTo(100.0 / 3, within(1e-9));
        assertThat(t.percentInfected()).isCloseTo(50.0, within(1e-9));
        assertThat(t.voxelVolumeMm3()).isEqualTo(10.0);
        assertThat(new LungInfection(0, 0, 0).percentInfected()).isZero();
    }

    @Test
    void rejectsWhatAreNotLabelsOrDoNotMatch() {
        Volume lungs = labels(1, 1, 2, 0, 1, 2, 2, 0);
        assertThatThrownBy(() -> InfectionTruth.count(lungs, labels(0, 0.5f, 0, 0, 0, 0, 0, 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0.5");
        assertThatThrownBy(() -> InfectionTruth.count(lungs, Volume.builder(4, 1, 1).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("differ in size");
    }
}
