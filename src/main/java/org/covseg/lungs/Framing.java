package org.covseg.lungs;

/** What an image's field of view holds, which decides what air at its border is. */
public enum Framing {
    /**
     * The body's cross-section, whole or cut by a tight field of view: all air that reaches the border is around
     * the patient (the usual scan or export).
     */
    BODY,
    /**
     * The lungs' bounding box, as in COVID-SemiSeg's slices: lungs reach the border, and only air that lies along the
     * border ({@link OutsideAir}: the corners beyond the chest wall) is around the patient.
     */
    LUNG_BOX
}
