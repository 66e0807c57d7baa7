package org.covseg.lungs;

/** A least-squares parabola y = c0 + c1 t + c2 t², t = x − centre, through points added one by one. */
final class Quadratic {

    private static final int MIN_POINTS = 6;

    private final double centre;
    private final double[][] normal = new double[3][4];
    private int count;
    private double[] coefficients;

    Quadratic(double centre) {
        this.centre = centre;
    }

    void add(double x, double y) {
        double t = x - centre;
        double[] basis = {1, t, t * t};
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                normal[r][c] += basis[r] * basis[c];
            }
            normal[r][3] += basis[r] * y;
        }
        count++;
        coefficients = null;
    }

    /** Whether enough points were added, not all at one or two x, to fix the parabola. */
    boolean solvable() {
        return solve() != null;
    }

    /** The parabola at x; only when {@link #solvable()}. */
    double at(double x) {
        double[] c = solve();
        double t = x - centre;
        return c[0] + c[1] * t + c[2] * t * t;
    }

    /** Gauss-Jordan elimination of the normal equations with partial pivoting; null when (near) singular. */
    private double[] solve() {
        if (coefficients != null || count < MIN_POINTS) {
            return coefficients;
        }
        double[][] m = new double[3][];
        for (int r = 0; r < 3; r++) {
            m[r] = normal[r].clone();
        }
        for (int col = 0; col < 3; col++) {
            int pivot = col;
            for (int r = col + 1; r < 3; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            double[] swap = m[col];
            m[col] = m[pivot];
            m[pivot] = swap;
            if (Math.abs(m[col][col]) < 1e-9 * Math.max(1, Math.abs(normal[0][0]))) {
                return null;
            }
            for (int r = 0; r < 3; r++) {
                if (r != col) {
                    double f = m[r][col] / m[col][col];
                    for (int c = col; c < 4; c++) {
                        m[r][c] -= f * m[col][c];
                    }
                }
            }
        }
        coefficients = new double[] {m[0][3] / m[0][0], m[1][3] / m[1][1], m[2][3] / m[2][2]};
        return coefficients;
    }
}
