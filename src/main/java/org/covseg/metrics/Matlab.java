package org.covseg.metrics;

/** The few MATLAB constants the official evaluation code relies on. */
final class Matlab {

    /** MATLAB's {@code eps}: the distance from 1.0 to the next double, 2^-52 = 2.2204e-16. */
    static final double EPS = Math.ulp(1.0);

    private Matlab() {
    }
}
