package org.covseg.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.covseg.CovsegException;
import org.junit.jupiter.api.Test;

class WindowTest {

    @Test
    void lungWindowMapsItsEdgesAndClips() {
        Window w = Window.LUNG; // [-1350, 150] HU
        assertThat(w.toGrey(-1350)).isEqualTo(0f);
        assertThat(w.toGrey(150)).isEqualTo(255f);
        assertThat(w.toGrey(-600)).isEqualTo(127.5f, within(1e-4f));
        assertThat(w.toGrey(-1000)).isEqualTo(59.5f, within(1e-4f)); // 255 * 350 / 1500
        assertThat(w.toGrey(-3000)).isEqualTo(0f);
        assertThat(w.toGrey(2000)).isEqualTo(255f);
        assertThat(w.toHu(59.5f)).isEqualTo(-1000f, within(1e-3f));
    }

    /** The training slices' lung and soft-tissue peaks (grey 44, 214) sit where the lung window puts −921, +26 HU. */
    @Test
    void covidSemiSegWindowPutsTheMedSegPeaksWhereTheTrainingSlicesHaveThem() {
        Window w = Window.COVID_SEMISEG; // [-1165, 255] HU
        assertThat(Window.LUNG.toHu(73)).isEqualTo(-920.6f, within(0.1f));
        assertThat(Window.LUNG.toHu(234)).isEqualTo(26.5f, within(0.1f));
        assertThat(w.toGrey(-921)).isEqualTo(43.8f, within(0.1f)); // 255 * 244 / 1420
        assertThat(w.toGrey(26)).isEqualTo(213.9f, within(0.1f)); // 255 * 1191 / 1420
        assertThat(w.toGrey(-1165)).isEqualTo(0f);
        assertThat(w.toGrey(255)).isEqualTo(255f);
    }

    @Test
    void applyRoundsHuVolumesToGreyLevels() {
        Volume hu = Volume.builder(2, 1, 1).voxels(new float[] {-1000, 40}).build();
        Volume grey = Window.LUNG.apply(hu);
        assertThat(grey.unit()).isEqualTo(IntensityUnit.WINDOWED_8BIT);
        assertThat(grey.toArray()).containsExactly(60f, 236f); // 255·350/1500 = 59.5 → 60, 255·1390/1500 = 236.3 → 236
        assertThat(hu.get(0, 0, 0)).isEqualTo(-1000f);
    }

    @Test
    void parsesLevelCommaWidthAndRejectsNonsense() {
        assertThat(Window.parse("-500, 1200")).isEqualTo(new Window(-500, 1200));
        assertThatThrownBy(() -> Window.parse("lung")).isInstanceOf(CovsegException.class)
                .hasMessageContaining("level,width");
        assertThatThrownBy(() -> Window.parse("-600,0")).isInstanceOf(CovsegException.class);
    }

    /** Coronacases-like peaks (14, 100) land on the training slices' (44, 214); white stays clipped at 255. */
    @Test
    void rewindowTakesGreyLevelsThroughHuToTheTargetWindow() {
        Window wide = new TissuePeaks(14, 100).impliedWindow();
        Volume grey = Volume.builder(4, 1, 1).voxels(new float[] {14, 100, 0, 255})
                .unit(IntensityUnit.WINDOWED_8BIT).build();
        Volume out = wide.rewindow(grey, Window.COVID_SEMISEG);
        // 14 -> -921 HU -> 43.8; 100 -> 26 HU -> 213.9; 0 -> -1075 HU -> 16.2; 255 -> 1733 HU -> clipped
        assertThat(out.toArray()).containsExactly(44f, 214f, 16f, 255f);
        assertThat(out.unit()).isEqualTo(IntensityUnit.WINDOWED_8BIT);
    }
}
