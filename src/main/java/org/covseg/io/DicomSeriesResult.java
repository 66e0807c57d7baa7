package org.covseg.io;

import java.nio.file.Path;
import java.util.List;
import org.covseg.image.Volume;

/**
 * A DICOM series read from a folder, and what the reader chose or skipped to get it.
 *
 * @param volume    the series in Hounsfield units, canonical orientation
 * @param series    the series that was read
 * @param available every series found in the folder, by Series Number
 * @param ignored   files of the folder that are not DICOM images (DICOMDIR, text, reports...)
 * @param notes     one-line remarks for the user: which series was chosen among several and why, which files were
 *                  left out of it or ignored, whether it was restacked into axial slices
 */
public record DicomSeriesResult(Volume volume, SeriesSummary series, List<SeriesSummary> available,
                                List<Path> ignored, List<String> notes) {

    public DicomSeriesResult {
        available = List.copyOf(available);
        ignored = List.copyOf(ignored);
        notes = List.copyOf(notes);
    }
}
