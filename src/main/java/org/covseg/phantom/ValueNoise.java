package org.covseg.phantom;

/**
 * Smooth deterministic 3-D noise in [-1, 1] from hashed values on an integer lattice, interpolated with a
 * smoothstep: cheap to evaluate anywhere without storing a field. Gives lesions their lobulated outlines.
 */
final class ValueNoise {

    private final long seed;

    ValueNoise(long seed) {
        this.seed = seed;
    }

    /** Two octaves of value noise at a point given in lattice units. */
    double at(double x, double y, double z) {
        // each octave samples the lattice in rotated axes so that outlines do not follow the lattice's square grid
        double x1 = 0.80 * y + 0.60 * z;
        double y1 = -0.80 * x + 0.36 * y - 0.48 * z;
        double z1 = -0.60 * x - 0.48 * y + 0.64 * z;
        double x2 = 2 * (0.80 * y1 + 0.60 * z1) + 17.3;
        double y2 = 2 * (-0.80 * x1 + 0.36 * y1 - 0.48 * z1) + 5.1;
        double z2 = 2 * (-0.60 * x1 - 0.48 * y1 + 0.64 * z1) + 11.7;
        return (2 * octave(x1, y1, z1) + octave(x2, y2, z2)) / 3;
    }

    private double octave(double x, double y, double z) {
        long x0 = (long) Math.floor(x);
        long y0 = (long) Math.floor(y);
        long z0 = (long) Math.floor(z);
        double fx = Ramp.smoothstep(0, 1, x - x0);
        double fy = Ramp.smoothstep(0, 1, y - y0);
        double fz = Ramp.smoothstep(0, 1, z - z0);
        double c00 = lerp(fx, lattice(x0, y0, z0), lattice(x0 + 1, y0, z0));
        double c10 = lerp(fx, lattice(x0, y0 + 1, z0), lattice(x0 + 1, y0 + 1, z0));
        double c01 = lerp(fx, lattice(x0, y0, z0 + 1), lattice(x0 + 1, y0, z0 + 1));
        double c11 = lerp(fx, lattice(x0, y0 + 1, z0 + 1), lattice(x0 + 1, y0 + 1, z0 + 1));
        return lerp(fz, lerp(fy, c00, c10), lerp(fy, c01, c11));
    }

    /** A value in [-1, 1] hashed from the lattice point and the seed (SplitMix64 finaliser). */
    private double lattice(long x, long y, long z) {
        long h = seed ^ x * 0x9E3779B97F4A7C15L ^ y * 0xC2B2AE3D27D4EB4FL ^ z * 0x165667B19E3779F9L;
        h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
        h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
        h ^= h >>> 31;
        return (h >>> 11) * 0x1.0p-53 * 2 - 1;
    }

    private static double lerp(double t, double a, double b) {
        return a + t * (b - a);
    }
}
