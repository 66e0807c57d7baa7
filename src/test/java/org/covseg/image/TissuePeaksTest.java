package org.covseg.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TissuePeaksTest {

    /** A slice with {@code counts[i]} pixels at grey {@code levels[i]}. */
    private static Volume slice(int[] levels, int[] counts) {
        int n = 0;
        for (int c : counts) {
            n += c;
        }
        float[] v = new float[n];
        int p = 0;
        for (int i = 0; i < levels.length; i++) {
            for (int c = 0; c < counts[i]; c++) {
                v[p++] = levels[i];
            }
        }
        return Volume.builder(n, 1, 1).voxels(v).unit(IntensityUnit.WINDOWED_8BIT).build();
    }

    @Test
    void findsTheLungAndSoftTissuePeaksOverAllSlicesIgnoringPaddingAndSaturation() {
        Volume lungy = slice(new int[] {0, 14, 60, 100, 255}, new int[] {500, 300, 40, 100, 400});
        Volume tissue = slice(new int[] {14, 100}, new int[] {10, 200});
        assertThat(TissuePeaks.of(List.of(lungy, tissue))).isEqualTo(new TissuePeaks(14, 100));
    }

    /**
     * The lung peak (12..16, highest at 14) has a long tail, 400 pixels at 17 falling by 5 per level to none at 97:
     * at grey 64 that tail (165 pixels) is busier than the soft-tissue peak at 120 (100 pixels), but it is not a peak.
     */
    @Test
    void theTailOfTheFirstPeakIsNotTheSecond() {
        List<Integer> levels = new ArrayList<>(List.of(12, 13, 14, 15, 16, 120));
        List<Integer> counts = new ArrayList<>(List.of(500, 800, 1000, 800, 500, 100));
        for (int g = 17; g < 97; g++) {
            levels.add(g);
            counts.add(400 - 5 * (g - 17));
        }
        Volume s = slice(levels.stream().mapToInt(Integer::intValue).toArray(),
                counts.stream().mapToInt(Integer::intValue).toArray());
        assertThat(TissuePeaks.of(List.of(s))).isEqualTo(new TissuePeaks(14, 120));
    }

    @Test
    void oneTissueOnlyHasNoTwoPeaks() {
        Volume s = slice(new int[] {30, 40}, new int[] {100, 100});
        assertThatThrownBy(() -> TissuePeaks.of(List.of(s))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no two peaks");
    }

    /**
     * Peaks at 14 and 100: 947 HU over 86 grey levels, 11.01 HU per level, so grey 0 is −921 − 14 · 11.01 = −1075.2 HU
     * and the width 255 · 11.01 = 2808.0 HU (level −1075.2 + 1404.0 = 328.8).
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
