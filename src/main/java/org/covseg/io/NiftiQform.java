package org.covseg.io;

import org.covseg.image.Affine;

/**
 * The NIfTI-1 "qform" (method 2) geometry: a rotation given by the quaternion (b, c, d), with a = sqrt(1 − b² − c² − d²),
 * voxel sizes (dx, dy, dz), the handedness qfac (pixdim[0], ±1) and an offset. Follows nifti1_io.c's
 * {@code nifti_quatern_to_mat44} and {@code nifti_mat44_to_quatern}.
 */
record NiftiQform(double b, double c, double d, double x, double y, double z,
                  double dx, double dy, double dz, double qfac) {

    /** The affine voxel index → world mm this qform describes. */
    Affine toAffine() {
        double qb = b;
        double qc = c;
        double qd = d;
        double aa = 1 - (qb * qb + qc * qc + qd * qd);
        double a;
        if (aa < 1e-7) {
            // (b, c, d) is (nearly) a unit vector: a 180° rotation; renormalise as nifti1_io.c does.
            double norm = Math.sqrt(qb * qb + qc * qc + qd * qd);
            a = 0;
            qb /= norm;
            qc /= norm;
            qd /= norm;
        } else {
            a = Math.sqrt(aa);
        }
        double sz = qfac < 0 ? -dz : dz;
        return Affine.ofRows(
                (a * a + qb * qb - qc * qc - qd * qd) * dx, 2 * (qb * qc - a * qd) * dy, 2 * (qb * qd + a * qc) * sz, x,
                2 * (qb * qc + a * qd) * dx, (a * a + qc * qc - qb * qb - qd * qd) * dy, 2 * (qc * qd - a * qb) * sz, y,
                2 * (qb * qd - a * qc) * dx, 2 * (qc * qd + a * qb) * dy, (a * a + qd * qd - qc * qc - qb * qb) * sz, z);
    }

    /**
     * The qform closest to an affine: column lengths become the voxel sizes and the nearest rotation (polar
     * decomposition) the quaternion, so a sheared affine is only approximated (the sform keeps it exactly).
     */
    static NiftiQform of(Affine affine) {
        double[][] r = new double[3][3];
        double[] size = new double[3];
        for (int col = 0; col < 3; col++) {
            size[col] = affine.columnNorm(col);
            if (!(size[col] > 0) || !Double.isFinite(size[col])) {
                throw new IllegalArgumentException("affine has a degenerate voxel axis " + col + ": " + affine);
            }
            for (int row = 0; row < 3; row++) {
                r[row][col] = affine.get(row, col) / size[col];
            }
        }
        r = nearestOrthogonal(r);
        double qfac = 1;
        if (determinant(r) < 0) {
            qfac = -1;
            for (int row = 0; row < 3; row++) {
                r[row][2] = -r[row][2];
            }
        }
        double[] q = quaternion(r);
        return new NiftiQform(q[1], q[2], q[3], affine.get(0, 3), affine.get(1, 3), affine.get(2, 3),
                size[0], size[1], size[2], qfac);
    }

    /** (a, b, c, d) with a ≥ 0 of a proper rotation matrix. */
    private static double[] quaternion(double[][] r) {
        double a = r[0][0] + r[1][1] + r[2][2] + 1;
        double b;
        double c;
        double d;
        if (a > 0.5) {
            a = 0.5 * Math.sqrt(a);
            b = 0.25 * (r[2][1] - r[1][2]) / a;
            c = 0.25 * (r[0][2] - r[2][0]) / a;
            d = 0.25 * (r[1][0] - r[0][1]) / a;
        } else {
            double xd = 1 + r[0][0] - (r[1][1] + r[2][2]);
            double yd = 1 + r[1][1] - (r[0][0] + r[2][2]);
            double zd = 1 + r[2][2] - (r[0][0] + r[1][1]);
            if (xd > 1) {
                b = 0.5 * Math.sqrt(xd);
                c = 0.25 * (r[0][1] + r[1][0]) / b;
                d = 0.25 * (r[0][2] + r[2][0]) / b;
                a = 0.25 * (r[2][1] - r[1][2]) / b;
            } else if (yd > 1) {
                c = 0.5 * Math.sqrt(yd);
                b = 0.25 * (r[0][1] + r[1][0]) / c;
                d = 0.25 * (r[1][2] + r[2][1]) / c;
                a = 0.25 * (r[0][2] - r[2][0]) / c;
            } else {
                d = 0.5 * Math.sqrt(zd);
                b = 0.25 * (r[0][2] + r[2][0]) / d;
                c = 0.25 * (r[1][2] + r[2][1]) / d;
                a = 0.25 * (r[1][0] - r[0][1]) / d;
            }
            if (a < 0) {
                a = -a;
                b = -b;
                c = -c;
                d = -d;
            }
        }
        return new double[] {a, b, c, d};
    }

    /** Polar decomposition by Newton iteration X ← (X + X⁻ᵀ) / 2; exact input rotations return at once. */
    private static double[][] nearestOrthogonal(double[][] m) {
        double[][] x = m;
        for (int iter = 0; iter < 100; iter++) {
            double[][] invT = inverseTranspose(x);
            double change = 0;
            double[][] next = new double[3][3];
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    next[i][j] = 0.5 * (x[i][j] + invT[i][j]);
                    change = Math.max(change, Math.abs(next[i][j] - x[i][j]));
                }
            }
            x = next;
            if (change < 1e-12) {
                break;
            }
        }
        return x;
    }

    private static double[][] inverseTranspose(double[][] m) {
        double det = determinant(m);
        if (Math.abs(det) < 1e-12) {
            throw new IllegalArgumentException("affine is singular (its voxel axes are coplanar)");
        }
        double[][] out = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                // cofactor(i, j) / det is element (j, i) of the inverse, i.e. (i, j) of its transpose
                int i1 = (i + 1) % 3;
                int i2 = (i + 2) % 3;
                int j1 = (j + 1) % 3;
                int j2 = (j + 2) % 3;
                out[i][j] = (m[i1][j1] * m[i2][j2] - m[i1][j2] * m[i2][j1]) / det;
            }
        }
        return out;
    }

    private static double determinant(double[][] m) {
        return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
                - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    }
}
