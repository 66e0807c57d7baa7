package org.covseg.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.covseg.image.Volume;
import org.covseg.image.Window;
import org.junit.jupiter.api.Test;

class SliceRewindowTest {

    /** Peaks 14 and 100 imply level 328.8, width 2808 HU: grey 14 → −921 HU → 43.8 → 44, 100 → 26 HU → 214. */
    @Test
    void aWideWindowStudyIsRewindowedToTheModelsWindow() {
        SliceRewindow.Result r = SliceRewindow.apply(List.of(PeakSlices.slice(14, 100)));

        assertThat(r.exported()).hasValueSatisfying(w -> assertThat(Math.round(w.width())).isEqualTo(2808));
        assertThat(r.slices().get(0).toArray()[3]).isEqualTo(44f);
        assertThat(r.slices().get(0).toArray()[603]).isEqualTo(214f);
        assertThat(r.note()).startsWith("re-windowed (--rewindow): the lung and soft-tissue grey peaks of the image"
                + " (14, 100) put the window they were exported with at about level 329 HU, width 2808 HU");
    }

    /** Peaks 158 and 214 (lungs full of ground glass) put black at −921 − 158 · 947/56 = −3593 HU: left alone. */
    @Test
    void anEstimatePuttingBlackFarBelowAirIsNotUsed() {
        Volume s = PeakSlices.slice(158, 214);

        SliceRewindow.Result r = SliceRewindow.apply(List.of(s), Window.COVID_SEMISEG);

        assertThat(r.exported()).isEmpty();
        assertThat(r.slices()).containsExactly(s);
        assertThat(r.note()).isEqualTo("not re-windowed (--rewindow): the lung and soft-tissue grey peaks (158, 214)"
                + " would put black at -3593 HU, far below air (-1000 HU), so the darker peak is probably not aerated"
                + " lung (lungs full of opacity?)");
    }
}
