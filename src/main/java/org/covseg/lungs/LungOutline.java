package org.covseg.lungs;

import java.util.Arrays;
import org.covseg.image.Voxels;

/**
 * The lungs of one slice as seen from a centre, per direction bin: how far the outermost lung pixel lies
 * ({@link #outer}, −1 where no lung is met), which lung it belongs to ({@link #side}), and where the run of lung
 * ending there begins ({@link #inner}: the farthest non-lung pixel nearer than it, 0 when there is none), and
 * how far the body reaches ({@link #body}) and the nearest bone beyond the lung ({@link #bone}).
 * Distances in mm; bins split the full turn evenly, about two pixels wide at the outermost lung.
 */
final class LungOutline {

    /** Bone, even saturated by the lung window (which ends at +150 HU). */
    static final float BONE_HU = 140;
    private static final int MAX_BINS = 720;
    private static final int MIN_BINS = 64;

    final int bins;
    final double[] outer;
    final double[] inner;
    final byte[] side;
    /** How far the body reaches in each direction: the skin, or the image's edge for a tight field of view. */
    final double[] body;
    /** The nearest bone of the body beyond the outermost lung pixel (a rib, the spine), −1 where there is none. */
    final double[] bone;
    private final int[] bin;
    private final double[] radius;

    /**
     * The outline of the lungs within {@code box} (one slice, holding the body), seen from pixel position
     * (ci, cj) of that slice.
     */
    LungOutline(ScanGrid g, VoxelBox box, double ci, double cj, byte[] lungs, boolean[] bodyMask, Voxels hu) {
        int[] index = new int[box.voxelCount()];
        radius = new double[index.length];
        double farthest = 0;
        box.forEach(g, (p, q) -> index[q] = p);
        for (int q = 0; q < index.length; q++) {
            int p = index[q] % g.sliceSize();
            double dx = (p % g.width() - ci) * g.spacing()[0];
            double dy = (p / g.width() - cj) * g.spacing()[1];
            radius[q] = Math.sqrt(dx * dx + dy * dy);
            if (lungs[index[q]] != 0) {
                farthest = Math.max(farthest, radius[q]);
            }
        }
        double farthestPixels = farthest / Math.min(g.spacing()[0], g.spacing()[1]);
        bins = (int) Math.max(MIN_BINS, Math.min(MAX_BINS, Math.round(Math.PI * farthestPixels)));
        bin = new int[index.length];
        for (int q = 0; q < index.length; q++) {
            int p = index[q] % g.sliceSize();
            double angle = Math.atan2((p / g.width() - cj) * g.spacing()[1], (p % g.width() - ci) * g.spacing()[0]);
            bin[q] = Math.floorMod((int) Math.floor((angle + Math.PI) / (2 * Math.PI) * bins), bins);
        }
        outer = new double[bins];
        inner = new double[bins];
        side = new byte[bins];
        body = new double[bins];
        bone = new double[bins];
        Arrays.fill(outer, -1);
        Arrays.fill(bone, -1);
        for (int q = 0; q < index.length; q++) {
            int b = bin[q];
            if (lungs[index[q]] != 0 && radius[q] > outer[b]) {
                outer[b] = radius[q];
                side[b] = lungs[index[q]];
            }
        }
        for (int q = 0; q < index.length; q++) {
            int p = index[q];
            int b = bin[q];
            double r = radius[q];
            if (lungs[p] != 0) {
                continue;
            }
            if (r < outer[b] && r > inner[b]) {
                inner[b] = r;
            }
            if (bodyMask[p] && r > body[b]) {
                body[b] = r;
            }
            if (bodyMask[p] && r > outer[b] && hu.at(p) >= BONE_HU && (bone[b] < 0 || r < bone[b])) {
                bone[b] = r;
            }
        }
    }

    /** The direction bin of pixel q of the box. */
    int binAt(int q) {
        return bin[q];
    }

    /** The distance (mm) of pixel q of the box from the centre. */
    double radiusAt(int q) {
        return radius[q];
    }

    /** The direction of bin b's centre, radians, from −π; 0 points along +i, π/2 along +j (posterior). */
    double angle(int b) {
        return -Math.PI + (b + 0.5) * 2 * Math.PI / bins;
    }
}
