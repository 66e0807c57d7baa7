package org.covseg.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.covseg.CovsegException;
import org.covseg.data.Scan;
import org.covseg.image.Volume;
import org.covseg.lungs.Framing;
import org.covseg.lungs.FramingGuess;
import org.covseg.lungs.LungSegmenter;

/**
 * What the report says about images cropped to the lungs' bounding box ({@link Framing#LUNG_BOX}). Read as images of
 * the body, their lungs reach the border and are mostly taken for air outside it; the lungs then left can be of any
 * size, so the small-lungs check ({@link SmallLungs}) misses some. Each 2-D image is therefore also read as cropped,
 * and named when that finds the lung area {@link FramingGuess} takes for a cropped image.
 */
final class CroppedImages {

    static final String READ_AS_CROPPED = "images taken as cropped to the lung box (--cropped-to-lungs): air at the"
            + " image border counts as outside the body only where it lies along the border, as in the corners beyond"
            + " the chest wall";

    private CroppedImages() {
    }

    /** A one-line note naming the 2-D images that look cropped to the lungs; empty for volumes and when none do. */
    static Optional<String> hint(Scan scan, List<StudyGrid> grids) {
        if (scan.isVolume()) {
            return Optional.empty();
        }
        LungSegmenter asCropped = new LungSegmenter(Framing.LUNG_BOX);
        List<String> cropped = new ArrayList<>();
        double found = 0;
        double foundIfCropped = 0;
        for (int s = 0; s < grids.size(); s++) {
            long lungs = grids.get(s).lungs().nonZeroCount();
            long ifCropped = lungsIfCropped(asCropped, grids.get(s).ct());
            if (FramingGuess.looksCropped(lungs, ifCropped)) {
                cropped.add(scan.imageName(s));
                found += 100.0 * lungs / grids.get(s).ct().voxelCount();
                foundIfCropped += 100.0 * ifCropped / grids.get(s).ct().voxelCount();
            }
        }
        if (cropped.isEmpty()) {
            return Optional.empty();
        }
        String what = grids.size() == 1 ? "the image looks" : NamedImages.of(cropped, grids.size()) + " look";
        return Optional.of(String.format(Locale.ROOT, "%s cropped to the lungs: read so (--cropped-to-lungs), the"
                + " lungs would cover %.1f %% of %s instead of %.1f %%; check the lung overlay before trusting the"
                + " percentages", what, foundIfCropped / cropped.size(), grids.size() == 1 ? "it" : "each on average",
                found / cropped.size()));
    }

    private static long lungsIfCropped(LungSegmenter asCropped, Volume ct) {
        try {
            return asCropped.segment(ct).nonZeroCount();
        } catch (CovsegException noLung) {
            return 0;
        }
    }
}
