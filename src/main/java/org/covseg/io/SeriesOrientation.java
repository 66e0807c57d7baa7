package org.covseg.io;

import java.util.Locale;

/** The anatomical plane of a series' images, from the normal of Image Orientation (Patient) (0020,0037). */
public enum SeriesOrientation {
    AXIAL, CORONAL, SAGITTAL, OBLIQUE,
    /** The images carry no usable patient geometry (a secondary capture, or a series covseg cannot read). */
    UNKNOWN;

    /** A plane is named when its normal lies within about 25° of a patient axis, which admits tilted gantries. */
    private static final double NAMED_PLANE_MIN_COSINE = 0.9;

    /** The plane whose normal (a unit vector in DICOM's LPS patient coordinates) is {@code normal}. */
    static SeriesOrientation ofNormal(double[] normal) {
        SeriesOrientation[] byAxis = {SAGITTAL, CORONAL, AXIAL};
        for (int axis = 0; axis < 3; axis++) {
            if (Math.abs(normal[axis]) >= NAMED_PLANE_MIN_COSINE) {
                return byAxis[axis];
            }
        }
        return OBLIQUE;
    }

    /** E.g. "axial". */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
