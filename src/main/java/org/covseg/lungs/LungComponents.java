package org.covseg.lungs;

import org.covseg.image.ConnectedComponents;
import org.covseg.image.DistanceTransform;
import org.covseg.image.HoleFilling;
import org.covseg.image.MarkerFlood;

/**
 * Which of the air regions inside the body are lungs, and which lung each is: the face-connected components of
 * the air mask that are not much smaller than the largest, each given to the right lung (label 1, small i) or
 * the left lung (label 2) by the side of the body's midline its centroid lies on. Small components that are thin
 * everywhere (air trapped between the patient's back and the table) and, in a single slice, small round ones
 * near the midline (the trachea or a main bronchus) are not lung.
 *
 * <p>Lungs that touch (at the anterior or posterior junction) form one component with much of its volume on
 * both sides of the midline. Such a component (its holes filled) is split by its cores: its distance transform
 * is thresholded ever higher until the largest core lies on one side of the midline and a core of comparable
 * size on the other; the cores then grow back over the component, each voxel going to the core nearest along
 * paths inside it ({@link MarkerFlood}). That decides which lung is which; {@link JunctionCut} then redraws the
 * line where they meet.
 */
final class LungComponents {

    /** Components smaller than this fraction of the largest are not lung (airway remnants, bowel gas, noise). */
    private static final double MIN_FRACTION_OF_LARGEST = 0.03;
    /** A component with at least this share of its voxels on each side of the midline holds both lungs. */
    private static final double MIN_SHARE_PER_SIDE = 0.2;
    /** The smaller of two cores must be at least this fraction of the larger to be a lung's core. */
    private static final double MIN_CORE_RATIO = 0.1;
    /** A core with at least this share of its voxels on one side of the midline lies on that side. */
    private static final double ONE_SIDED = 0.9;
    private static final double CORE_STEP = 0.05;
    /** Small components (below this fraction of the largest) must be at least {@link #MIN_THICKNESS_MM} thick. */
    private static final double MAX_THIN_FRACTION = 0.2;
    private static final double MIN_THICKNESS_MM = 8;
    /** A single slice's airway is smaller than this fraction of the largest lung region... */
    private static final double MAX_AIRWAY_FRACTION = 0.25;
    /** ...lies within this fraction of the body's width from the midline... */
    private static final double MAX_AIRWAY_OFF_MIDLINE = 0.12;
    /** ...and is round: it fills much of its bounding box, which is not elongated. */
    private static final double MIN_AIRWAY_BOX_FILL = 0.55;
    private static final double MAX_AIRWAY_ASPECT = 2;

    private LungComponents() {
    }

    /** Lung labels (0, 1 = right, 2 = left) of the voxels of {@code air}, in a body centred at {@code body}. */
    static byte[] label(boolean[] air, BodyCentre body, ScanGrid g) {
        ConnectedComponents cc = ConnectedComponents.faceConnected(air, g.width(), g.height(), g.depth());
        RegionStats stats = RegionStats.of(cc, g.width(), g.height(), g.depth());
        long minSize = Math.max(1, (long) Math.ceil(MIN_FRACTION_OF_LARGEST * cc.largestSize()));
        double midline = body.i();
        long[] rightSide = rightOfMidline(cc, air.length, g.width(), midline);
        byte[] lungs = new byte[air.length];
        byte[] sideOf = new byte[cc.count() + 1];
        for (int label = 1; label <= cc.count(); label++) {
            long size = cc.size(label);
            if (size < minSize || g.depth() == 1 && looksLikeAirway(cc, stats, label, body)
                    || size < MAX_THIN_FRACTION * cc.largestSize() && thin(cc, stats, label, g)) {
                continue;
            }
            double rightShare = rightSide[label] / (double) size;
            boolean bothLungs = rightShare >= MIN_SHARE_PER_SIDE && 1 - rightShare >= MIN_SHARE_PER_SIDE;
            if (!bothLungs || !split(cc, label, stats, midline, g, lungs)) {
                sideOf[label] = stats.centroidI(label) < midline ? LungSegmenter.RIGHT : LungSegmenter.LEFT;
            }
        }
        for (int p = 0; p < air.length; p++) {
            if (lungs[p] == 0) {
                lungs[p] = sideOf[cc.label(p)];
            }
        }
        return lungs;
    }

    /**
     * In a single slice, with no 3-D airway tree to follow: a small, round air region near the midline is the
     * trachea or a main bronchus seen in cross-section, not lung.
     */
    private static boolean looksLikeAirway(ConnectedComponents cc, RegionStats stats, int label, BodyCentre body) {
        return cc.size(label) < MAX_AIRWAY_FRACTION * cc.largestSize()
                && Math.abs(stats.centroidI(label) - body.i()) <= MAX_AIRWAY_OFF_MIDLINE * body.width()
                && stats.boxFill(label) >= MIN_AIRWAY_BOX_FILL && stats.boxAspect(label) <= MAX_AIRWAY_ASPECT;
    }

    /**
     * Whether a component is nowhere thicker than {@value #MIN_THICKNESS_MM} mm across in its slices: a sliver of
     * air trapped between the patient's back and the table, or along the skin, not lung.
     */
    private static boolean thin(ConnectedComponents cc, RegionStats stats, int label, ScanGrid g) {
        VoxelBox box = VoxelBox.of(stats, label, g, 1);
        float[] distance = DistanceTransform.toBackgroundInPlane(box.crop(p -> cc.label(p) == label, g), box.width,
                box.height, box.depth, g.spacing());
        float deepest = 0;
        for (float d : distance) {
            deepest = Math.max(deepest, d);
        }
        return deepest < MIN_THICKNESS_MM / 2;
    }

    /** Splits component {@code label} into a right and a left lung, or returns false when it has no two cores. */
    private static boolean split(ConnectedComponents cc, int label, RegionStats stats, double midlineI, ScanGrid g,
            byte[] lungs) {
        VoxelBox box = VoxelBox.of(stats, label, g, 1);
        boolean[] mask = box.crop(p -> cc.label(p) == label, g);
        boolean[] solid = HoleFilling.fill(mask, box.width, box.height, box.depth);
        float[] distance = DistanceTransform.toBackground(solid, box.width, box.height, box.depth, g.spacing());
        float deepest = 0;
        for (float d : distance) {
            deepest = Math.max(deepest, d);
        }
        double midline = midlineI - box.i0;
        for (double f = CORE_STEP; f < 1; f += CORE_STEP) {
            int[] markers = cores(distance, (float) (f * deepest), midline, box);
            if (markers != null) {
                int[] sides = MarkerFlood.flood(markers, solid, box.width, box.height, box.depth);
                box.forEach(g, (p, q) -> {
                    if (mask[q] && sides[q] != 0) {
                        lungs[p] = (byte) sides[q];
                    }
                });
                return true;
            }
        }
        return false;
    }

    /**
     * Markers 1 (right) and 2 (left) on the cores above {@code level}, when they have come apart: the largest lies
     * on one side of the midline, and the largest core on the other side is of comparable size. Every core of
     * comparable size lying on one side then marks that side (a lung cut in two by a vessel in one slice has a
     * core in each part); cores astride the midline mark nothing. Otherwise null.
     */
    private static int[] cores(float[] distance, float level, double midline, VoxelBox box) {
        boolean[] core = new boolean[distance.length];
        for (int q = 0; q < core.length; q++) {
            core[q] = distance[q] >= level && distance[q] > 0;
        }
        ConnectedComponents cc = ConnectedComponents.faceConnected(core, box.width, box.height, box.depth);
        long[] rightVoxels = rightOfMidline(cc, core.length, box.width, midline);
        int largest = cc.largestLabel();
        int right = 0;
        int left = 0;
        for (int c = 1; c <= cc.count(); c++) {
            double rightShare = rightVoxels[c] / (double) cc.size(c);
            if (c == largest && rightShare < ONE_SIDED && rightShare > 1 - ONE_SIDED) {
                return null;
            }
            if (rightShare >= ONE_SIDED && (right == 0 || cc.size(c) > cc.size(right))) {
                right = c;
            } else if (rightShare <= 1 - ONE_SIDED && (left == 0 || cc.size(c) > cc.size(left))) {
                left = c;
            }
        }
        if (right == 0 || left == 0
                || Math.min(cc.size(right), cc.size(left)) < MIN_CORE_RATIO * Math.max(cc.size(right), cc.size(left))) {
            return null;
        }
        byte[] sideOf = new byte[cc.count() + 1];
        long minCore = (long) Math.ceil(MIN_CORE_RATIO * Math.max(cc.size(right), cc.size(left)));
        for (int c = 1; c <= cc.count(); c++) {
            double rightShare = rightVoxels[c] / (double) cc.size(c);
            if (cc.size(c) >= minCore && (rightShare >= ONE_SIDED || rightShare <= 1 - ONE_SIDED)) {
                sideOf[c] = rightShare >= ONE_SIDED ? LungSegmenter.RIGHT : LungSegmenter.LEFT;
            }
        }
        int[] markers = new int[core.length];
        for (int q = 0; q < core.length; q++) {
            markers[q] = sideOf[cc.label(q)];
        }
        return markers;
    }

    /** Per component, how many of its voxels lie on the right of the midline (i below it). */
    private static long[] rightOfMidline(ConnectedComponents cc, int voxels, int width, double midline) {
        long[] right = new long[cc.count() + 1];
        for (int p = 0; p < voxels; p++) {
            if (cc.label(p) != 0 && p % width < midline) {
                right[cc.label(p)]++;
            }
        }
        return right;
    }
}
