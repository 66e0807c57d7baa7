package org.covseg.phantom;

import org.covseg.image.Volume;

/**
 * The exact extent of lungs and infection in a phantom, counted from its label volumes. Lung labels: 1 right,
 * 2 left; infection labels: 1 ground glass, 2 consolidation (a voxel in both kinds of lesion is consolidation).
 * Infected voxels are lung voxels: infection only ever lies inside a lung.
 */
public record InfectionTruth(LungInfection right, LungInfection left, double voxelVolumeMm3) {

    public static final int RIGHT_LUNG = 1;
    public static final int LEFT_LUNG = 2;

    public LungInfection total() {
        return right.plus(left);
    }

    /** Percentage of infection of both lungs together: infected volume over lung volume. */
    public double percentInfected() {
        return total().percentInfected();
    }

    /** Counts lungs and infection voxel by voxel; both volumes must have the same dimensions. */
    public static InfectionTruth count(Volume lungs, Volume infection) {
        if (lungs.width() != infection.width() || lungs.height() != infection.height()
                || lungs.depth() != infection.depth()) {
            throw new IllegalArgumentException("lung and infection labels differ in size: " + lungs + " vs " + infection);
        }
        long[][] counts = new long[3][3]; // [lung label][infection label]
        for (int k = 0; k < lungs.depth(); k++) {
            float[] lung = lungs.sliceArray(k);
            float[] inf = infection.sliceArray(k);
            for (int p = 0; p < lung.length; p++) {
                counts[labelOf(lung[p])][labelOf(inf[p])]++;
            }
        }
        return new InfectionTruth(side(counts[RIGHT_LUNG]), side(counts[LEFT_LUNG]), lungs.voxelVolumeMm3());
    }

    private static LungInfection side(long[] byInfection) {
        return new LungInfection(byInfection[0] + byInfection[1] + byInfection[2], byInfection[1], byInfection[2]);
    }

    private static int labelOf(float value) {
        int label = Math.round(value);
        if (label < 0 || label > 2 || label != value) {
            throw new IllegalArgumentException("not a label 0, 1 or 2: " + value);
        }
        return label;
    }
}
