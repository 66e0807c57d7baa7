package org.covseg.image;

/** What a voxel value means. */
public enum IntensityUnit {
    /** Hounsfield units, as in NIfTI and DICOM CT volumes. */
    HU,
    /** 0..255 grey levels of an already lung-windowed 8-bit image (all public slices we train on). */
    WINDOWED_8BIT,
    /** Integer labels of a mask (0 background, 1.. classes). */
    LABEL,
    /** Probabilities in [0, 1], as a network's output maps. */
    PROBABILITY
}
