package org.covseg.lungs;

import org.covseg.image.Volume;

/** How a predicted lung mask (0, 1 right, 2 left) compares with the truth, for tests. */
final class LungOverlap {

    private LungOverlap() {
    }

    /** Dice of lung {@code label} between truth and prediction; 1 when both lack it. */
    static double dice(Volume truth, Volume predicted, int label) {
        float[] t = truth.toArray();
        float[] p = predicted.toArray();
        long both = 0;
        long inTruth = 0;
        long inPredicted = 0;
        for (int q = 0; q < t.length; q++) {
            boolean a = t[q] == label;
            boolean b = p[q] == label;
            inTruth += a ? 1 : 0;
            inPredicted += b ? 1 : 0;
            both += a && b ? 1 : 0;
        }
        return inTruth + inPredicted == 0 ? 1 : 2.0 * both / (inTruth + inPredicted);
    }

    /** The share of the non-zero voxels of {@code mask} that lie inside a predicted lung (1 when there are none). */
    static double insideLungs(Volume mask, Volume predicted) {
        float[] m = mask.toArray();
        float[] p = predicted.toArray();
        long all = 0;
        long inside = 0;
        for (int q = 0; q < m.length; q++) {
            if (m[q] != 0) {
                all++;
                inside += p[q] != 0 ? 1 : 0;
            }
        }
        return all == 0 ? 1 : inside / (double) all;
    }

    /** Mean i (column) of the voxels of lung {@code label}. */
    static double meanI(Volume predicted, int label) {
        double sum = 0;
        long n = 0;
        for (int k = 0; k < predicted.depth(); k++) {
            for (int j = 0; j < predicted.height(); j++) {
                for (int i = 0; i < predicted.width(); i++) {
                    if (predicted.get(i, j, k) == label) {
                        sum += i;
                        n++;
                    }
                }
            }
        }
        return sum / n;
    }
}
