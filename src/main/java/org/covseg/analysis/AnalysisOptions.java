package org.covseg.analysis;

import java.io.Serializable;
import org.covseg.io.SliceOrientation;

/**
 * What one study's analysis is asked to do: {@code covseg analyze}'s options that need no file of their own, as the
 * web service and the cohort runner pass them.
 *
 * @param series         DICOM series UID, or null for covseg's choice
 * @param threshold      infection threshold in (0, 1)
 * @param pixelMm        pixel size of 2-D images in mm, or null when unknown
 * @param classes        split the infection into ground-glass opacity and consolidation
 * @param detection      run COVID-19 detection
 * @param pdf            also write report.pdf
 * @param croppedToLungs the images are cropped to the lungs' box
 * @param rewindow       re-window 2-D images exported with another window
 * @param orientation    pixel order of 2-D images
 */
public record AnalysisOptions(String series, double threshold, Double pixelMm, boolean classes, boolean detection,
                              boolean pdf, boolean croppedToLungs, boolean rewindow, SliceOrientation orientation)
        implements Serializable {

    /** {@code covseg analyze}'s defaults, with report.pdf. */
    public static final AnalysisOptions DEFAULTS = new AnalysisOptions(null, 0.5, null, true, true, true, false, false,
            SliceOrientation.DISPLAY);
}
