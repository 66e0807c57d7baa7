package org.covseg.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.covseg.CovsegException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TruthFileTest {

    @TempDir
    Path dir;

    @Test
    void masksAbove1AreBinarisedAbove128() {
        Path file = TestMaps.writeGrey(dir.resolve("g.png"), new float[] {0, 128, 129, 255}, 4, 1);
        TruthMask mask = TruthFile.mask(file).read();
        assertThat(mask.pixels()).containsExactly(false, false, true, true);
        assertThat(mask.count()).isEqualTo(2);
    }

    @Test
    void zeroOneMasksAreBinarisedAbove0() {
        Path grey = TestMaps.writeGrey(dir.resolve("g.png"), new float[] {0, 1, 1, 0}, 2, 2);
        assertThat(TruthFile.mask(grey).read().pixels()).containsExactly(false, true, true, false);
        Path palette = TestMaps.writeLabels(dir.resolve("p.png"), new float[] {1, 0, 0, 1}, 2, 2);
        assertThat(TruthFile.mask(palette).read().pixels()).containsExactly(true, false, false, true);
    }

    @Test
    void labelMapsGiveOneMaskPerClass() {
        Path file = TestMaps.writeLabels(dir.resolve("l.png"), new float[] {0, 1, 2, 1}, 4, 1);
        assertThat(TruthFile.labelMap(file, InfectionClass.GGO).read().pixels())
                .containsExactly(false, true, false, true);
        assertThat(TruthFile.labelMap(file, InfectionClass.CONSOLIDATION).read().pixels())
                .containsExactly(false, false, true, false);
    }

    @Test
    void labelMapsWithOtherValuesAreRefused() {
        Path file = TestMaps.writeLabels(dir.resolve("l.png"), new float[] {0, 1, 255, 1}, 4, 1);
        assertThatThrownBy(() -> TruthFile.labelMap(file, InfectionClass.GGO).read())
                .isInstanceOf(CovsegException.class)
                .hasMessageContaining("l.png").hasMessageContaining("holds the value 255");
    }

    /** A 0/1/2 label map read as a binary mask used to become an empty truth without a word. */
    @Test
    void aMaskWhoseValuesStopAt2IsRefusedAsALabelMap() {
        Path file = TestMaps.writeLabels(dir.resolve("labels.png"), new float[] {0, 1, 2, 1}, 4, 1);
        assertThatThrownBy(() -> TruthFile.mask(file).read()).isInstanceOf(CovsegException.class)
                .hasMessage("mask " + file + " holds values up to 2: neither a 0/1 nor a 0/255 mask, so no pixel"
                        + " would count as infected (a label map 0/1/2? give label maps with --classes or --labels)");
    }
}
