package org.covseg.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TissuePeaksTest {

    /** Builds a one-row slice from grey levels and pixel counts. */
    private static final class SliceBuilder {
        private final List<Float> pixels = new ArrayList<>();

        SliceBuilder level(int grey, int count) {
            for (int c = 0; c < count; c++) {
                pixels.add((float) grey);
            }
            return this;
        }

        /** A tissue peak spread by noise: 4c at the level, 2c one level either side, c two levels either side. */
        SliceBuilder peak(int grey, int c) {
            return level(grey - 2, c).level(grey - 1, 2 * c).level(grey, 4 * c).level(grey + 1, 2 * c)
                    .level(grey + 2, c);
        }

        Volume build() {
            float[] v = new float[pixels.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = pixels.get(i);
            }
            return Volume.builder(v.length, 1, 1).voxels(v).unit(IntensityUnit.WINDOWED_8BIT).build();
        }
    }

    @Test
    void findsTheLungAndSoftTissuePeaksOverAllSlicesIgnoringPaddingAndSaturation() {
        Volume lungy = new SliceBuilder().peak(2, 125).peak(14, 75).peak(60, 10).peak(100, 25).peak(253, 100).build();
        Volume tissue = new SliceBuilder().peak(14, 3).peak(100, 50).build();
        assertThat(TissuePeaks.of(List.of(lungy, tissue))).isEqualTo(new TissuePeaks(14, 100));
    }

    /**
     * The lung peak (12..16, highest at 14) has a long tail, 400 pixels at 17 falling by 5 per level to none at 97:
     * at grey 64 that tail (165 pixels) is busier than the soft-tissue peak at 120 (at most 100 pixels a level), but it
     * is not a peak.
     */
    @Test
    void theTailOfTheFirstPeakIsNotTheSecond() {
        SliceBuilder s = new SliceBuilder().level(12, 500).level(13, 800).level(14, 1000).level(15, 800)
                .level(16, 500).peak(120, 25);
        for (int g = 17; g < 97; g++) {
            s.level(g, 400 - 5 * (g - 17));
        }
        assertThat(TissuePeaks.of(List.of(s.build()))).isEqualTo(new TissuePeaks(14, 120));
    }

    /**
     * The padding outside a circular field of view: half the image at exactly grey 17, nothing two levels either side.
     * It is a fill, not the lung peak; the lung is at 72 and soft tissue at 237.
     */
    @Test
    void aConstantFillIsNotATissuePeak() {
        Volume s = new SliceBuilder().level(17, 5000).peak(72, 300).peak(237, 200).build();
        assertThat(TissuePeaks.of(List.of(s))).isEqualTo(new TissuePeaks(72, 237));
    }

    @Test
    void oneTissueOnlyHasNoTwoPeaks() {
        Volume s = new SliceBuilder().peak(30, 20).peak(40, 20).build();
        assertThatThrownBy(() -> TissuePeaks.of(List.of(s))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no two peaks");
    }

    /**
     * Peaks at 14 and 100: 947 HU over 86 grey levels, 11.01 HU per level, so grey 0 is −921 − 14 · 11.01 =
     * −1075.2 HU and the width 255 · 11.01 = 2808.0 HU (level −1075.2 + 1404.0 = 328.8).
     */
    @Test
    void impliedWindowPutsLungAndSoftTissueHuAtThePeaks() {
        Window w = new TissuePeaks(14, 100).impliedWindow();
        assertThat(w.width()).isEqualTo(2808.0, within(0.1));
        assertThat(w.level()).isEqualTo(328.8, within(0.1));
        assertThat(w.toHu(14)).isEqualTo(-921f, within(0.01f));
        assertThat(w.toHu(100)).isEqualTo(26f, within(0.01f));
    }

    /** The training slices' own peaks imply the window that was measured on them. */
    @Test
    void theTrainingPeaksImplyTheCovidSemiSegWindow() {
        Window w = new TissuePeaks(44, 214).impliedWindow();
        assertThat(w.level()).isEqualTo(Window.COVID_SEMISEG.level(), within(5.0));
        assertThat(w.width()).isEqualTo(Window.COVID_SEMISEG.width(), within(5.0));
    }
}
