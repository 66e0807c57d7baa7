package org.covseg.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.covseg.image.Volume;
import org.covseg.image.Window;
import org.junit.jupiter.api.Test;

class RewindowedImagesTest {

    /**
     * Volume "wide" (peaks 14 and 100, a wide-window export: grey 14 → 44, 100 → 214, see SliceRewindowTest) and
     * volume "semiseg" (peaks 44 and 214, already the training look: its estimate is the target window itself).
     */
    @Test
    void eachVolumeIsReadThroughItsOwnEstimateMadeOnce() {
        AtomicInteger reads = new AtomicInteger();
        List<SliceDataset.Entry<Volume>> entries = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            entries.add(new SliceDataset.Entry<>("wide_" + s, "wide", () -> {
                reads.incrementAndGet();
                return PeakSlices.slice(14, 100);
            }));
            entries.add(new SliceDataset.Entry<>("semiseg_" + s, "semiseg", () -> PeakSlices.slice(44, 214)));
        }
        List<String> notes = new ArrayList<>();

        SliceDataset<Volume> rewindowed = RewindowedImages.of(new SliceDataset<>("test", entries),
                Window.COVID_SEMISEG, notes::add);

        assertThat(rewindowed.names()).containsExactly("wide_0", "semiseg_0", "wide_1", "semiseg_1", "wide_2",
                "semiseg_2");
        assertThat(rewindowed.group("wide_1")).isEqualTo("wide");
        assertThat(notes).as("nothing is read before a slice is").isEmpty();
        Volume wide = rewindowed.load("wide_1");
        assertThat(wide.toArray()[3]).isEqualTo(44f);
        assertThat(wide.toArray()[603]).isEqualTo(214f);
        assertThat(rewindowed.load("semiseg_2").toArray()[603]).isEqualTo(214f);
        rewindowed.load("wide_0");
        rewindowed.load("wide_2");
        assertThat(reads.get()).as("the estimate reads the volume's 3 slices once, then each load one").isEqualTo(6);
        assertThat(notes).hasSize(2);
        assertThat(notes.get(0)).startsWith("wide: re-windowed (--rewindow): the lung and soft-tissue grey peaks of the"
                + " 3 images (14, 100)");
        assertThat(notes.get(1)).startsWith("semiseg: re-windowed (--rewindow)");
    }
}
