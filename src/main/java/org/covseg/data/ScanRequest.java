package org.covseg.data;

import org.covseg.io.SliceOrientation;

/**
 * How an input is to be read.
 *
 * @param seriesUid   the DICOM series to read; null for the one covseg chooses ({@code SeriesChooser})
 * @param orientation the pixel orientation of 2-D images
 * @param rewindow    re-window 2-D images exported with a window other than a lung window
 */
record ScanRequest(String seriesUid, SliceOrientation orientation, boolean rewindow) {
}
