package org.covseg.data;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.covseg.image.TissuePeaks;
import org.covseg.image.Volume;
import org.covseg.image.Window;

/**
 * Re-windows a study of 8-bit slices so that it looks like covseg's training slices: the window it was exported with
 * is estimated from the lung and soft-tissue peaks of all its slices together ({@link TissuePeaks}), and every slice is
 * taken through that window back to HU and windowed with the segmentation models' window ({@link
 * Window#COVID_SEMISEG}, or the one given). This helps most with slices
 * exported with a much wider window (those failing {@link SliceWindowCheck}), but lung-window exports differ too: the
 * MedSeg 512x512 images show lung at grey 73 where the training slices have 44. The estimate assumes that the study
 * shows both lung and soft tissue and that it was windowed linearly; the note says what was done.
 */
public final class SliceRewindow {

    /**
     * The slices to use, the window they were estimated to be exported with (empty when it could not be estimated and
     * the slices are unchanged), and one note saying which.
     */
    public record Result(List<Volume> slices, Optional<Window> exported, String note) {
    }

    /**
     * Black in a CT export is at most a few hundred HU below air (the lung window's is at −1350 HU); an estimate far
     * below that means the darker peak was not aerated lung.
     */
    private static final double LOWEST_WINDOW_BOTTOM_HU = -1500;

    private SliceRewindow() {
    }

    /** Re-windowed to {@link Window#COVID_SEMISEG}. */
    public static Result apply(List<Volume> slices) {
        return apply(slices, Window.COVID_SEMISEG);
    }

    public static Result apply(List<Volume> slices, Window target) {
        TissuePeaks peaks;
        try {
            peaks = TissuePeaks.of(slices);
        } catch (IllegalArgumentException e) {
            return new Result(slices, Optional.empty(), "not re-windowed (--rewindow): the window the images were"
                    + " exported with cannot be estimated: " + e.getMessage());
        }
        Window exported = peaks.impliedWindow();
        double bottom = exported.toHu(0);
        if (bottom < LOWEST_WINDOW_BOTTOM_HU) {
            return new Result(slices, Optional.empty(), String.format(Locale.ROOT, "not re-windowed (--rewindow):"
                    + " the lung and soft-tissue grey peaks (%d, %d) would put black at %.0f HU, far below air"
                    + " (-1000 HU), so the darker peak is probably not aerated lung (lungs full of opacity?)",
                    peaks.lung(), peaks.softTissue(), bottom));
        }
        List<Volume> rewindowed = slices.stream().map(s -> exported.rewindow(s, target)).toList();
        return new Result(rewindowed, Optional.of(exported), String.format(Locale.ROOT, "re-windowed (--rewindow):"
                + " the lung and soft-tissue grey peaks of the %s (%d, %d) put the window they were exported with at"
                + " about %s, and every image was re-windowed from it to %s, the models' input window (lung %.0f,"
                + " soft tissue %.0f); an estimate, check the overlays",
                slices.size() == 1 ? "image" : slices.size() + " images", peaks.lung(), peaks.softTissue(), exported,
                target,
                target.toGrey(exported.toHu(peaks.lung())), target.toGrey(exported.toHu(peaks.softTissue()))));
    }
}
