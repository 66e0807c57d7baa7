package org.covseg.severity;

import org.covseg.image.ConnectedComponents;
import org.covseg.image.FaceNeighbours;

/**
 * Adds to the lungs the parts of an infection mask that lie outside them but touch them: a lesion is lung
 * parenchyma, however dense. Each face-connected piece of infection outside the lungs goes to the lung it shares
 * most faces with; pieces touching no lung are left out (the network's false positives in the chest wall or
 * abdomen do not make lung).
 */
final class InfectionUnion {

    private InfectionUnion() {
    }

    static void apply(byte[] lungs, float[] infection, ScanGrid g) {
        boolean[] outside = new boolean[lungs.length];
        for (int p = 0; p < lungs.length; p++) {
            outside[p] = infection[p] > 0 && lungs[p] == 0;
        }
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
}
