package org.covseg.lungs;

import java.util.Arrays;
import org.covseg.image.ConnectedComponents;
import org.covseg.image.FaceNeighbours;
import org.covseg.image.DistanceTransform;

/**
 * Adds to the lungs the parts of an infection mask that lie outside them but touch them: a lesion is lung
 * parenchyma, however dense. Each face-connected piece of infection outside the lungs goes to the lung it shares
 * most faces with; pieces touching no lung are left out (the network's false positives in the chest wall or
 * abdomen do not make lung).
 *
 * <p>Only infection inside the thoracic envelope may be added: in a slice with lung found on the CT alone, no farther
 * from that lung (in 3-D) than the square root of its area there (the lungs' own size in that slice), at least
 * {@value #MIN_REACH_MM} mm and at most {@value #MAX_REACH_MM} mm, so a consolidation filling half of a lung stays in
 * it while one with only a sliver of apex or base gets little. A slice without aerated lung (above the apices, below
 * the bases) gets none: a false positive spreading from an apex over the neck, or from a base into the abdomen, does
 * not become lung.
 */
final class InfectionUnion {

    static final double MIN_REACH_MM = 10;
    static final double MAX_REACH_MM = 100;

    private InfectionUnion() {
    }

    /**
     * Adds the pieces; {@code infected} is used up (it holds the infection outside the lungs and inside the
     * envelope afterwards), so that no other whole-scan mask is made.
     */
    static void apply(byte[] lungs, boolean[] infected, ScanGrid g) {
        boolean[] outside = infected;
        for (int p = 0; p < lungs.length; p++) {
            outside[p] &= lungs[p] == 0;
        }
        keepInsideEnvelope(outside, lungs, g);
        ConnectedComponents cc = ConnectedComponents.faceConnected(outside, g.width(), g.height(), g.depth());
        long[][] faces = new long[cc.count() + 1][3];
        FaceNeighbours neighbours = g.neighbours();
        int[] around = new int[6];
        for (int p = 0; p < lungs.length; p++) {
            int piece = cc.label(p);
            if (piece != 0) {
                int count = neighbours.of(p, around);
                for (int m = 0; m < count; m++) {
                    faces[piece][lungs[around[m]]]++;
                }
            }
        }
        byte[] sideOf = new byte[cc.count() + 1];
        for (int piece = 1; piece <= cc.count(); piece++) {
            long right = faces[piece][LungSegmenter.RIGHT];
            long left = faces[piece][LungSegmenter.LEFT];
            if (right + left > 0) {
                sideOf[piece] = right >= left ? LungSegmenter.RIGHT : LungSegmenter.LEFT;
            }
        }
        for (int p = 0; p < lungs.length; p++) {
            if (outside[p]) {
                lungs[p] = sideOf[cc.label(p)];
            }
        }
    }

    /**
     * Clears {@code mask} outside the envelope, where infection may become lung: in a slice with lung found on the CT
     * alone, within the slice's reach of that lung (in 3-D, so lung in the slices next to it counts too); nowhere in a
     * slice without.
     */
    static void keepInsideEnvelope(boolean[] mask, byte[] lungs, ScanGrid g) {
        double[] area = new double[g.depth()];
        for (int p = 0; p < lungs.length; p++) {
            area[p / g.sliceSize()] += lungs[p] != 0 ? g.pixelArea() : 0;
        }
        int n = g.sliceSize();
        for (int k = 0; k < g.depth(); k++) {
            if (area[k] == 0) {
                Arrays.fill(mask, k * n, (k + 1) * n, false);
            }
        }
        VoxelBox box = reachOfLungs(lungs, g);
        if (box != null) {
            double[] reach = new double[g.depth()];
            for (int k = 0; k < g.depth(); k++) {
                reach[k] = Math.min(MAX_REACH_MM, Math.max(MIN_REACH_MM, Math.sqrt(area[k])));
            }
            float[] inSpace = DistanceTransform.toBackground(box.crop(p -> lungs[p] == 0, g), box.width,
                    box.height, box.depth, g.spacing());
            for (int k = box.k0; k < box.k0 + box.depth; k++) {
                clearOutsideBox(mask, k, box, g);
            }
            box.forEach(g, (p, q) -> mask[p] &= inSpace[q] <= reach[p / n]);
        }
    }

    /** Clears slice k of {@code mask} outside the box's rows and columns. */
    private static void clearOutsideBox(boolean[] mask, int k, VoxelBox box, ScanGrid g) {
        int base = k * g.sliceSize();
        for (int j = 0; j < g.height(); j++) {
            boolean rowInBox = j >= box.j0 && j < box.j0 + box.height;
            for (int i = 0; i < g.width(); i++) {
                if (!rowInBox || i < box.i0 || i >= box.i0 + box.width) {
                    mask[base + i + g.width() * j] = false;
                }
            }
        }
    }

    /**
     * The box the 3-D distances are needed in: the lungs' slices, and in-plane their bounding box grown by
     * {@value #MAX_REACH_MM} mm, beyond which no voxel is within reach. All lung lies inside it, so every distance
     * in it is the distance over the whole scan; null when there is no lung.
     */
    private static VoxelBox reachOfLungs(byte[] lungs, ScanGrid g) {
        double[] s = g.spacing();
        int margin = (int) Math.ceil(MAX_REACH_MM / Math.min(s[0], s[1]));
        return VoxelBox.around(p -> lungs[p] != 0, g, 0, g.depth(), margin);
    }
}
