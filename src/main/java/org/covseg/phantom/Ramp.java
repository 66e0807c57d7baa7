package org.covseg.phantom;

/** Smooth transitions used for soft edges and tapering. */
final class Ramp {

    private Ramp() {
    }

    /** 0 below edge0, 1 above edge1, a cubic Hermite ramp between. */
    static double smoothstep(double edge0, double edge1, double v) {
        double u = Math.max(0, Math.min(1, (v - edge0) / (edge1 - edge0)));
        return u * u * (3 - 2 * u);
    }
}
