package org.covseg.lungs;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.covseg.CovsegException;
import org.covseg.image.IntensityUnit;
import org.covseg.image.Volume;
import org.junit.jupiter.api.Test;

class LungSegmenterErrorsTest {

    private static final LungSegmenter SEGMENTER = new LungSegmenter();

    @Test
    void aLabelVolumeIsNotACtScan() {
        Volume labels = SyntheticChest.twoLungs().volume().withVoxels(new float[200 * 160], IntensityUnit.LABEL);
        assertThatThrownBy(() -> SEGMENTER.segment(labels))
                .isInstanceOf(CovsegException.class)
                .hasMessageContaining("LABEL")
                .hasMessageContaining("not a CT image");
    }

    @Test
    void theInfectionMaskMustShareTheScansGrid() {
        Volume ct = SyntheticChest.twoLungs().volume();
        Volume small = Volume.builder(100, 80, 1).unit(IntensityUnit.LABEL).build();
        assertThatThrownBy(() -> SEGMENTER.segment(ct, Optional.of(small)))
                .isInstanceOf(CovsegException.class)
                .hasMessageContaining("100x80x1")
                .hasMessageContaining("200x160x1");
    }

    @Test
    void aScanWithoutAirInsideTheBodyHasNoLungs() {
        Volume soft = new SyntheticChest(50, 50).ellipse(24.5, 24.5, 20, 20, SyntheticChest.SOFT_TISSUE).volume();
        assertThatThrownBy(() -> SEGMENTER.segment(soft))
                .isInstanceOf(CovsegException.class)
                .hasMessageContaining("no lung found");
    }
}
