package org.covseg.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.covseg.metrics.ProtocolMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SavedPredictionTest {

    @TempDir
    Path dir;

    @Test
    void keepsTheLevelsOfAMapOfTheRightSize() {
        Path file = TestMaps.writeGrey(dir.resolve("p.png"), new float[] {0, 1, 128, 255}, 2, 2);
        PredictionMap.GreyLevels map = SavedPrediction.read(file, 2, 2);
        assertThat(map.resized()).isFalse();
        assertThat(levels(map.map())).containsExactly(0, 1, 128, 255);
    }

    @Test
    void upsamplesBilinearlyWithoutAlignedCornersThenRoundsHalfUp() {
        // Row {0, 255} to 4 columns, align_corners=false: source x = (d + .5)/2 - .5 = -.25 (clamped to 0), .25, .75,
        // 1.25 (clamped to the last pixel) → 0, 63.75, 191.25, 255 → levels 0, 64, 191, 255. Rows: 1 → 2, copies.
        Path file = TestMaps.writeGrey(dir.resolve("p.png"), new float[] {0, 255}, 2, 1);
        PredictionMap.GreyLevels map = SavedPrediction.read(file, 4, 2);
        assertThat(map.resized()).isTrue();
        assertThat(levels(map.map())).containsExactly(0, 64, 191, 255, 0, 64, 191, 255);
    }

    @Test
    void halvingAveragesPixelPairs() {
        // align_corners=false at scale 1/2 samples x = 2d + .5: the mean of columns 2d and 2d+1 (no antialiasing
        // needed at exactly 1/2): {10, 21, 200, 100} → 15.5 → 16, 150.
        Path file = TestMaps.writeGrey(dir.resolve("p.png"), new float[] {10, 21, 200, 100}, 4, 1);
        assertThat(levels(SavedPrediction.read(file, 2, 1).map())).containsExactly(16, 150);
    }

    @Test
    void quantiseRoundsHalfUpAndClamps() {
        assertThat(SavedPrediction.quantise(new float[] {-3, 0.49f, 0.5f, 127.5f, 254.6f, 300})).containsExactly(
                0, 0, 1, 128, 255, 255);
    }

    private static int[] levels(ProtocolMap map) {
        int[] out = new int[map.width() * map.height()];
        for (int p = 0; p < out.length; p++) {
            out[p] = map.level(p);
        }
        return out;
    }
}
