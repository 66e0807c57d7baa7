package org.covseg.io;

import java.util.List;
import org.covseg.CovsegException;

/**
 * One series of a DICOM folder, as far as its headers tell: which images form its stack and their geometry, or why
 * they cannot be read as a volume. Pixels are read only by {@link DicomSeriesReader}.
 */
final class DicomSeries {

    private final SeriesSummary summary;
    private final SeriesImages images;
    private final SliceStack stack;

    private DicomSeries(SeriesSummary summary, SeriesImages images, SliceStack stack) {
        this.summary = summary;
        this.images = images;
        this.stack = stack;
    }

    /** The series {@code uid} from its image files and its files without Pixel Data (both in file name order). */
    static DicomSeries of(String uid, List<DicomHeader> images, List<DicomHeader> withoutPixelData) {
        DicomHeader any = images.isEmpty() ? withoutPixelData.get(0) : images.get(0);
        SeriesImages split;
        try {
            split = SeriesImages.of(images, withoutPixelData);
        } catch (CovsegException e) {
            return new DicomSeries(SeriesSummary.unreadable(uid, any, SeriesOrientation.UNKNOWN, images.size(),
                    e.getMessage()), null, null);
        }
        try {
            SliceStack stack = SliceStack.of(split.stack().stream().map(DicomSlice::of).toList());
            return new DicomSeries(SeriesSummary.of(uid, split, stack), split, stack);
        } catch (CovsegException e) {
            List<String> leftOut = split.leftOutNotes();
            String problem = e.getMessage() + (leftOut.isEmpty() ? "" : "; " + String.join("; ", leftOut));
            return new DicomSeries(SeriesSummary.unreadable(uid, split.stack().get(0), split.orientation(),
                    split.stack().size(), problem), split, null);
        }
    }

    SeriesSummary summary() {
        return summary;
    }

    /** The images of the stack (to check their modality before reading). */
    List<DicomHeader> stackHeaders() {
        return images == null ? List.of() : images.stack();
    }

    /** The ordered, checked slices; the error says why when the series cannot be read as a volume. */
    SliceStack stack() {
        if (stack == null) {
            throw new CovsegException(summary.problem());
        }
        return stack;
    }
}
