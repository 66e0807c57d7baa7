package org.covseg.severity;

import java.util.Optional;
import org.covseg.CovsegException;
import org.covseg.image.Volume;
import org.covseg.lungs.LungSide;

/**
 * One pass over both masks: checks every value, counts voxels per (lung label, infection label), records each
 * lung's bounding box and marks the infected voxels that lie inside the lungs.
 */
final class MaskCounts {

    private final long[][] counts = new long[3][3];
    private final int[][] boxMin = new int[3][];
    private final int[][] boxMax = new int[3][];
    private final boolean[] infectedInLungs;

    private MaskCounts(SeverityInput in) {
        Volume lungs = in.lungMask();
        Volume infection = in.infectionMask();
        int maxInfection = in.infectionLabels().maxLabel();
        infectedInLungs = new boolean[Math.toIntExact(lungs.voxelCount())];
        int p = 0;
        for (int k = 0; k < lungs.depth(); k++) {
            for (int j = 0; j < lungs.height(); j++) {
                for (int i = 0; i < lungs.width(); i++, p++) {
                    int lung = label(lungs.get(i, j, k), 2, i, j, k, "lung mask",
                            "0 (outside the lungs), 1 (right lung) and 2 (left lung)");
                    int inf = label(infection.get(i, j, k), maxInfection, i, j, k, "infection mask",
                            in.infectionLabels().meaning());
                    counts[lung][inf]++;
                    if (lung != 0) {
                        infectedInLungs[p] = inf != 0;
                        extendBox(lung, i, j, k);
                    }
                }
            }
        }
    }

    static MaskCounts of(SeverityInput in) {
        return new MaskCounts(in);
    }

    private static int label(float value, int max, int i, int j, int k, String mask, String allowed) {
        int label = (int) value;
        if (label != value || label < 0 || label > max) {
            throw new CovsegException("the " + mask + " holds the value " + value + " at voxel (" + i + ", " + j
                    + ", " + k + "); it may only hold " + allowed);
        }
        return label;
    }

    private void extendBox(int lung, int i, int j, int k) {
        if (boxMin[lung] == null) {
            boxMin[lung] = new int[] {i, j, k};
            boxMax[lung] = new int[] {i, j, k};
            return;
        }
        int[] at = {i, j, k};
        for (int axis = 0; axis < 3; axis++) {
            boxMin[lung][axis] = Math.min(boxMin[lung][axis], at[axis]);
            boxMax[lung][axis] = Math.max(boxMax[lung][axis], at[axis]);
        }
    }

    /** Voxels with lung label {@code lung} (0 outside, 1 right, 2 left) and infection label {@code infection}. */
    long count(int lung, int infection) {
        return counts[lung][infection];
    }

    /** Voxels with lung label {@code lung} and any infection label. */
    long all(int lung) {
        return counts[lung][0] + counts[lung][1] + counts[lung][2];
    }

    /** Voxels with lung label {@code lung} and a non-zero infection label. */
    long infected(int lung) {
        return counts[lung][1] + counts[lung][2];
    }

    /** The partition of one lung, empty when the mask has no voxel of that lung. */
    Optional<LungPartition> partition(LungSide side) {
        int lung = side.label();
        if (boxMin[lung] == null) {
            return Optional.empty();
        }
        return Optional.of(new LungPartition(side, boxMin[lung], boxMax[lung]));
    }

    /** One flag per voxel in (i, j, k) order: infected and inside a lung. */
    boolean[] infectedInLungs() {
        return infectedInLungs;
    }
}
