package org.covseg.io;

import org.covseg.image.Affine;
import org.covseg.image.Reorientation;

/**
 * How the pixel axes of a 2-D image file relate to the radiological display (the canonical orientation of
 * {@link org.covseg.image.Volume}: columns from the patient's right to left, rows from anterior to posterior).
 * A 2-D image carries no orientation of its own, so the caller says which one a dataset uses.
 */
public enum SliceOrientation {

    /** The file is stored as displayed: columns right→left, rows anterior→posterior (MedSeg, DICOM exports). */
    DISPLAY(Affine.diagonal(-1, -1, 1)),

    /**
     * The file is the display transposed: columns anterior→posterior, rows right→left (COVID-SemiSeg slices).
     * A plain transpose, without flips, brings it to the display; checked against the matching MedSeg slices.
     */
    TRANSPOSED(Affine.ofRows(0, -1, 0, 0, -1, 0, 0, 0, 0, 0, 1, 0));

    private final Affine fileAffine;

    SliceOrientation(Affine fileAffine) {
        this.fileAffine = fileAffine;
    }

    /** Nominal affine (1 mm pixels) of the file's pixel axes (column, row, 0) in RAS+ millimetres. */
    public Affine fileAffine() {
        return fileAffine;
    }

    /** The reorientation from the file's pixel order to the canonical orientation. */
    public Reorientation toCanonical() {
        return Reorientation.toCanonical(fileAffine);
    }
}
