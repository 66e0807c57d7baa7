package org.covseg.image;

import java.util.Arrays;

/**
 * Maps voxel indices (i, j, k) to world millimetres in the NIfTI RAS+ convention: world +x points to the
 * patient's Right, +y to Anterior, +z to Superior (DICOM's LPS world is this with x and y negated).
 * Stored as the first three rows of a 4x4 matrix, row-major.
 */
public final class Affine {

    private final double[] m;

    private Affine(double[] rows12) {
        this.m = rows12.clone();
    }

    /** @param rows the first three rows of the 4x4 matrix, row-major (12 values). */
    public static Affine ofRows(double... rows) {
        if (rows.length != 12) {
            throw new IllegalArgumentException("an affine needs 12 values (3 rows of 4), got " + rows.length);
        }
        return new Affine(rows);
    }

    /** Diagonal affine: voxel spacing on the axes, origin at world 0. */
    public static Affine diagonal(double sx, double sy, double sz) {
        return new Affine(new double[] {sx, 0, 0, 0, 0, sy, 0, 0, 0, 0, sz, 0});
    }

    public double get(int row, int col) {
        return m[row * 4 + col];
    }

    /** World (RAS+, mm) coordinates of the voxel index (i, j, k). */
    public double[] apply(double i, double j, double k) {
        double[] out = new double[3];
        for (int r = 0; r < 3; r++) {
            out[r] = m[r * 4] * i + m[r * 4 + 1] * j + m[r * 4 + 2] * k + m[r * 4 + 3];
        }
        return out;
    }

    /** The affine of the sub-grid whose voxel (0, 0, 0) is this grid's voxel (i, j, k): same axes, moved origin. */
    public Affine startingAt(double i, double j, double k) {
        double[] origin = apply(i, j, k);
        double[] r = m.clone();
        r[3] = origin[0];
        r[7] = origin[1];
        r[11] = origin[2];
        return new Affine(r);
    }

    /** Length of column c (the world step of one voxel along axis c), in mm. */
    public double columnNorm(int c) {
        return Math.sqrt(m[c] * m[c] + m[4 + c] * m[4 + c] + m[8 + c] * m[8 + c]);
    }

    /**
     * Anatomical axis codes of the voxel axes, e.g. "LPS": for each axis the patient direction it points to
     * (R/L, A/P, S/I), taken from its largest world component.
     */
    public String axisCodes() {
        String positive = "RAS";
        String negative = "LPI";
        StringBuilder codes = new StringBuilder();
        for (int c = 0; c < 3; c++) {
            int best = 0;
            for (int r = 1; r < 3; r++) {
                if (Math.abs(get(r, c)) > Math.abs(get(best, c))) {
                    best = r;
                }
            }
            codes.append(get(best, c) >= 0 ? positive.charAt(best) : negative.charAt(best));
        }
        return codes.toString();
    }

    /** The 12 values of the first three rows, row-major. */
    public double[] rows() {
        return m.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Affine other && Arrays.equals(m, other.m);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(m);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < 3; r++) {
            sb.append(r == 0 ? "[" : " [");
            for (int c = 0; c < 4; c++) {
                sb.append(String.format(java.util.Locale.ROOT, c == 0 ? "%.4g" : ", %.4g", get(r, c)));
            }
            sb.append(']');
        }
        return sb.toString();
    }
}
