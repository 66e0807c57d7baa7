package org.covseg.lungs;

import java.util.Arrays;
import org.covseg.image.ConnectedComponents;
import org.covseg.image.FaceNeighbours;
import org.covseg.image.Voxels;

/**
 * The trachea and main bronchi of a volume, found by explosion-controlled region growing (Hu, Hoffman and
 * Reinhardt, IEEE TMI 20(6), 2001): the trachea is seeded in the highest slice where a small, round, nearly pure
 * air region sits on the body's midline, then grown in 3-D through ever less dark voxels until the grown volume
 * explodes (more than doubles, or exceeds a fraction of all the air in the body), which happens when the growth
 * leaks into lung parenchyma. The last region before the explosion, widened by a couple of voxels into the
 * surrounding air (the partial-volume shell of the airway wall), is what the lung segmentation removes.
 */
final class Airways {

    /** A single slice (or two) shows no tube to follow; {@link LungComponents} recognises airways there. */
    static final int MIN_SLICES = 3;
    /** Airway lumen is nearly pure air; lung parenchyma is rarely this dark. */
    static final float LUMEN_HU = -950;
    /** Cross-section of a trachea: from a narrow child's to a wide adult's. */
    private static final double MIN_TRACHEA_MM2 = 30;
    private static final double MAX_TRACHEA_MM2 = 900;
    /** How far from the body's midline a trachea's centre may lie, as a fraction of the body's width. */
    private static final double MAX_OFF_MIDLINE = 0.1;
    /** A trachea fills at least this fraction of its bounding box (a disc fills π/4), which is not elongated. */
    private static final double MIN_BOX_FILL = 0.5;
    private static final double MAX_BOX_ASPECT = 2;
    private static final float THRESHOLD_STEP_HU = 50;
    private static final double MAX_GROWTH = 2;
    private static final double MAX_FRACTION_OF_AIR = 0.1;
    private static final int WALL_SHELL_VOXELS = 2;

    private Airways() {
    }

    /**
     * The airway voxels to remove from {@code air} (a subset of it), or an all-false mask when the scan shows no
     * trachea in its upper half or has too few slices to follow one.
     */
    static boolean[] find(Voxels hu, boolean[] air, boolean[] body, ScanGrid g, float airThresholdHu) {
        int[] seed = g.depth() < MIN_SLICES ? new int[0] : tracheaSeed(hu, body, g);
        boolean[] airway = new boolean[hu.length()];
        if (seed.length == 0) {
            return airway;
        }
        long airVoxels = 0;
        for (boolean a : air) {
            airVoxels += a ? 1 : 0;
        }
        long limit = (long) (MAX_FRACTION_OF_AIR * airVoxels);
        Growth accepted = null;
        for (float threshold = LUMEN_HU; threshold <= airThresholdHu; threshold += THRESHOLD_STEP_HU) {
            long cap = accepted == null ? limit : Math.min(limit, (long) (MAX_GROWTH * accepted.size));
            Growth grown = new Growth(seed, hu, threshold, body, g, cap, airway);
            grown.clear(airway);
            if (grown.exploded) {
                break;
            }
            accepted = grown;
        }
        if (accepted == null) {
            return airway;
        }
        for (int n = 0; n < accepted.size; n++) {
            airway[accepted.voxels[n]] = true;
        }
        return withWallShell(airway, air, g);
    }

    /** The voxels of the trachea in the highest slice of the upper half that shows one, or none. */
    private static int[] tracheaSeed(Voxels hu, boolean[] body, ScanGrid g) {
        int plane = g.sliceSize();
        for (int k = g.depth() - 1; k >= g.depth() / 2; k--) {
            BodyCentre centre = BodyCentre.ofSlice(body, g, k);
            if (centre.voxels() == 0) {
                continue;
            }
            int base = k * plane;
            boolean[] lumen = new boolean[plane];
            for (int p = 0; p < plane; p++) {
                lumen[p] = body[base + p] && hu.at(base + p) < LUMEN_HU;
            }
            int[] trachea = tracheaIn(lumen, base, g, centre);
            if (trachea.length > 0) {
                return trachea;
            }
        }
        return new int[0];
    }

    /** The voxels (scan indices) of the trachea-like region of a slice nearest the midline, or none. */
    private static int[] tracheaIn(boolean[] lumen, int base, ScanGrid g, BodyCentre centre) {
        ConnectedComponents cc = ConnectedComponents.faceConnected(lumen, g.width(), g.height(), 1);
        RegionStats stats = RegionStats.of(cc, g.width(), g.height(), 1);
        int best = 0;
        double bestOff = MAX_OFF_MIDLINE * centre.width();
        for (int label = 1; label <= cc.count(); label++) {
            double area = cc.size(label) * g.pixelArea();
            double off = Math.abs(stats.centroidI(label) - centre.i());
            if (area >= MIN_TRACHEA_MM2 && area <= MAX_TRACHEA_MM2 && off <= bestOff
                    && stats.boxFill(label) >= MIN_BOX_FILL && stats.boxAspect(label) <= MAX_BOX_ASPECT) {
                best = label;
                bestOff = off;
            }
        }
        int[] voxels = new int[best == 0 ? 0 : Math.toIntExact(cc.size(best))];
        int n = 0;
        for (int p = 0; p < lumen.length && best != 0; p++) {
            if (cc.label(p) == best) {
                voxels[n++] = base + p;
            }
        }
        return voxels;
    }

    /** A breadth-first growth from the seed through body voxels darker than a threshold, given up past a cap. */
    private static final class Growth {
        int[] voxels;
        int size;
        boolean exploded;

        /** Grows, marking the voxels reached in {@code reached} (all false on entry; see {@link #clear}). */
        Growth(int[] seed, Voxels hu, float threshold, boolean[] body, ScanGrid g, long cap, boolean[] reached) {
            voxels = Arrays.copyOf(seed, Math.max(16, seed.length));
            size = seed.length;
            for (int p : seed) {
                reached[p] = true;
            }
            FaceNeighbours neighbours = g.neighbours();
            int[] around = new int[6];
            for (int head = 0; head < size && !exploded; head++) {
                int count = neighbours.of(voxels[head], around);
                for (int m = 0; m < count; m++) {
                    int q = around[m];
                    if (!reached[q] && body[q] && hu.at(q) < threshold) {
                        reached[q] = true;
                        if (size == voxels.length) {
                            voxels = Arrays.copyOf(voxels, 2 * voxels.length);
                        }
                        voxels[size++] = q;
                    }
                }
                exploded = size > cap;
            }
        }

        /** Unmarks this growth's voxels, so that the array can serve the next one. */
        void clear(boolean[] reached) {
            for (int n = 0; n < size; n++) {
                reached[voxels[n]] = false;
            }
        }
    }

    /** The airway widened, within the air mask, by a few voxels: the lumen's partial-volume edge. */
    private static boolean[] withWallShell(boolean[] airway, boolean[] air, ScanGrid g) {
        boolean[] out = airway.clone();
        FaceNeighbours neighbours = g.neighbours();
        int[] around = new int[6];
        for (int step = 0; step < WALL_SHELL_VOXELS; step++) {
            boolean[] next = out.clone();
            for (int p = 0; p < out.length; p++) {
                if (!out[p] || !air[p]) {
                    continue;
                }
                int count = neighbours.of(p, around);
                for (int m = 0; m < count; m++) {
                    next[around[m]] |= air[around[m]];
                }
            }
            out = next;
        }
        for (int p = 0; p < out.length; p++) {
            out[p] &= air[p];
        }
        return out;
    }
}
