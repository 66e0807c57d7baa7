package org.covseg.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.covseg.image.Volume;

/**
 * Whether 2-D images look lung-windowed the way covseg's training slices are. In a lung window soft tissue is near
 * white: the brightest 5 % of pixels are at grey 208 or more in every COVID-SemiSeg training slice and 233 or more in
 * every MedSeg-100-512 slice. Slices exported with a much wider window show soft tissue grey (the COVID-SemiSeg
 * unlabeled "coronacases" volumes: 84 to 147), and the models then call lung and soft tissue ground-glass.
 */
public final class SliceWindowCheck {

    /** The lowest 95th-percentile grey level of a slice that passes. */
    public static final int MIN_BRIGHT_GREY = 180;
    private static final int NAMES_SHOWN = 3;

    private SliceWindowCheck() {
    }

    /** The 95th percentile of the slice's grey levels (0..255, rounded): the lowest level with 95 % at or below it. */
    public static int brightGrey(Volume slice) {
        long[] histogram = new long[256];
        float[] grey = slice.toArray();
        for (float g : grey) {
            histogram[Math.max(0, Math.min(255, Math.round(g)))]++;
        }
        long cumulative = 0;
        for (int level = 0; level < 256; level++) {
            cumulative += histogram[level];
            if (cumulative >= 0.95 * grey.length) {
                return level;
            }
        }
        return 255;
    }

    public static boolean looksLungWindowed(Volume slice) {
        return brightGrey(slice) >= MIN_BRIGHT_GREY;
    }

    /** A one-line warning naming the images (one per slice) that fail the check; empty if all pass. */
    public static Optional<String> note(List<String> names, List<Volume> slices) {
        List<String> failing = new ArrayList<>();
        for (int i = 0; i < slices.size(); i++) {
            if (!looksLungWindowed(slices.get(i))) {
                failing.add(names.get(i));
            }
        }
        if (failing.isEmpty()) {
            return Optional.empty();
        }
        String which = slices.size() == 1 ? "the image looks" : failing.size() + " of " + slices.size() + " images ("
                + String.join(", ", failing.subList(0, Math.min(NAMES_SHOWN, failing.size())))
                + (failing.size() > NAMES_SHOWN ? ", ..." : "") + ") look";
        return Optional.of(which + " windowed unlike covseg's training slices: 95 % of the pixels are below grey "
                + MIN_BRIGHT_GREY + ", so soft tissue is not near white as in a lung window, and the infection maps"
                + " are unreliable; export the slices with a lung window, give covseg the HU scan (NIfTI, DICOM), or"
                + " let analyze or segment estimate the window and re-window the slices with --rewindow");
    }
}
