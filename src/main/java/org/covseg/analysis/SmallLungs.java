package org.covseg.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.covseg.data.Scan;
import org.covseg.image.Volume;

/**
 * A plausibility check of the lungs covseg found. In a slice through the lungs they fill a fifth of the image or more,
 * and a fair share of a chest CT; lungs that cover under {@value #MIN_PERCENT} % of an image or scan almost always mean
 * that the lung segmentation failed, and every percentage is then measured against the wrong region. Seen on slices
 * cropped to the lungs (lungs touching the border look like air outside the body) and on slices exported in a window
 * unlike a lung window.
 */
final class SmallLungs {

    static final double MIN_PERCENT = 2;

    private SmallLungs() {
    }

    /** A one-line note naming the grids (images, or the scan) whose lungs are implausibly small; empty if none. */
    static Optional<String> note(Scan scan, List<StudyGrid> grids) {
        List<String> small = new ArrayList<>();
        double smallest = 100;
        for (int s = 0; s < grids.size(); s++) {
            Volume lungs = grids.get(s).lungs();
            long found = lungs.nonZeroCount();
            double percent = 100.0 * found / lungs.voxelCount();
            if (found > 0 && percent < MIN_PERCENT) {
                small.add(scan.isVolume() ? scan.name() : scan.imageName(s));
                smallest = Math.min(smallest, percent);
            }
        }
        if (small.isEmpty()) {
            return Optional.empty();
        }
        String what = scan.isVolume() ? "the scan" : grids.size() == 1 ? "the image"
                : NamedImages.of(small, grids.size());
        return Optional.of(String.format(Locale.ROOT, "the lungs found cover only %.1f %% of %s, too little for a"
                + " chest CT through the lungs: check the lung overlay before trusting the percentages (an image"
                + " cropped to the lungs, see --cropped-to-lungs, or exported in a window unlike a lung window, see"
                + " --rewindow, makes the lung segmentation fail)", smallest, what));
    }
}
