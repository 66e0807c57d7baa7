package org.covseg.phantom;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Pulmonary vessels: for each lung, a few branching trees of tapering tubes grown from the hilum toward the
 * apex, the base and the chest wall. Drawn as blood (+40 HU) over lung voxels only, with partial-volume edges
 * (a thin vessel crossing a thick slice is faint), so vessels never change the lung mask.
 */
final class VesselTree {

    static final float VESSEL_HU = 40;
    private static final int GENERATIONS = 8;
    private static final int ROOTS_PER_LUNG = 12;
    private static final double ROOT_LENGTH = 28;
    private static final double ROOT_RADIUS = 4;
    private static final double LENGTH_RATIO = 0.8;
    private static final double RADIUS_RATIO = 0.75;
    private static final double BRANCH_SPREAD = 0.5;
    /** The lung height, in "standard" mm, that the trees are grown for. */
    private static final double STANDARD_LUNG_HEIGHT = 250;

    private final ChestAnatomy anatomy;
    private final SplittableRandom rng;
    private final List<Tube> tubes = new ArrayList<>();

    private VesselTree(ChestAnatomy anatomy, SplittableRandom rng) {
        this.anatomy = anatomy;
        this.rng = rng;
    }

    /** The tubes of both lungs' trees, in the phantom's mm. */
    static List<Tube> grow(ChestAnatomy anatomy, SplittableRandom rng) {
        VesselTree tree = new VesselTree(anatomy, rng);
        for (int side = -1; side <= 1; side += 2) {
            for (int root = 0; root < ROOTS_PER_LUNG; root++) {
                // fan out from the hilum: evenly from downward to upward, laterally with some AP spread
                double elevation = Math.toRadians(-70 + 140.0 * (root + rng.nextDouble()) / ROOTS_PER_LUNG);
                double azimuth = Math.toRadians(50 * rng.nextDouble(-1, 1));
                double[] d = normalised(side * Math.cos(elevation) * Math.cos(azimuth),
                        Math.cos(elevation) * Math.sin(azimuth), Math.sin(elevation));
                tree.branch(side * 40, 2, 0, d, ROOT_LENGTH, ROOT_RADIUS, GENERATIONS);
            }
        }
        return tree.tubes;
    }

    /** Grows one segment from (x, y, z) standard mm (z from the mid-lung level) and its two children. */
    private void branch(double x, double y, double z, double[] d, double length, double radius, int generations) {
        double ex = x + d[0] * length;
        double ey = y + d[1] * length;
        double ez = z + d[2] * length;
        double s = anatomy.scale();
        double zScale = (anatomy.lungTopZ() - anatomy.lungBottomZ()) / STANDARD_LUNG_HEIGHT;
        double midZ = anatomy.heightOf(0.5);
        tubes.add(new Tube(x * s, y * s, midZ + z * zScale, ex * s, ey * s, midZ + ez * zScale, radius * s));
        if (generations > 1) {
            for (int child = 0; child < 2; child++) {
                double[] c = normalised(d[0] + BRANCH_SPREAD * rng.nextGaussian(),
                        d[1] + BRANCH_SPREAD * rng.nextGaussian(), d[2] + BRANCH_SPREAD * rng.nextGaussian());
                branch(ex, ey, ez, c, length * LENGTH_RATIO, radius * RADIUS_RATIO, generations - 1);
            }
        }
    }

    private static double[] normalised(double x, double y, double z) {
        double n = Math.sqrt(x * x + y * y + z * z);
        return new double[] {x / n, y / n, z / n};
    }

    /** Draws the tubes into the HU array over lung voxels. */
    static void paint(List<Tube> tubes, float[] hu, byte[] tissue, VoxelGrid g) {
        int samples = (int) Math.max(1, Math.min(5, Math.round(g.sliceMm() / g.pixelMm())));
        for (Tube t : tubes) {
            double reach = t.radius() + g.pixelMm();
            for (int k = g.firstK(Math.min(t.z0(), t.z1()) - reach - g.sliceMm() / 2);
                    k <= g.lastK(Math.max(t.z0(), t.z1()) + reach + g.sliceMm() / 2); k++) {
                for (int j = g.firstJ(Math.min(t.y0(), t.y1()) - reach); j <= g.lastJ(Math.max(t.y0(), t.y1()) + reach); j++) {
                    for (int i = g.firstI(Math.min(t.x0(), t.x1()) - reach); i <= g.lastI(Math.max(t.x0(), t.x1()) + reach); i++) {
                        int p = g.index(i, j, k);
                        if (Tissue.isLung(tissue[p])) {
                            double cover = coverage(t, g.x(i), g.y(j), g.z(k), samples, g);
                            hu[p] += (float) (cover * (VESSEL_HU - hu[p]));
                        }
                    }
                }
            }
        }
    }

    /** Fraction of the voxel the tube fills, sampling its thickness along z (partial volume). */
    private static double coverage(Tube t, double x, double y, double z, int samples, VoxelGrid g) {
        // the distance changes by at most |dz| over the slice, so a far voxel is empty without sampling it
        if (t.distanceToAxis(x, y, z) - g.sliceMm() / 2 >= t.radius() + g.pixelMm() / 2) {
            return 0;
        }
        double sum = 0;
        for (int m = 0; m < samples; m++) {
            double dz = ((m + 0.5) / samples - 0.5) * g.sliceMm();
            double d = t.distanceToAxis(x, y, z + dz);
            sum += Math.max(0, Math.min(1, (t.radius() - d) / g.pixelMm() + 0.5));
        }
        return sum / samples;
    }
}
