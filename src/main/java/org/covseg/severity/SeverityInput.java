package org.covseg.severity;

import java.util.Arrays;
import java.util.Objects;
import org.covseg.CovsegException;
import org.covseg.image.Volume;

/**
 * What severity is scored from: a lung mask and an infection mask on the same grid, in the canonical orientation
 * of {@link Volume} (i patient right→left, j anterior→posterior, k inferior→superior); a 2-D slice is a depth-1
 * volume.
 *
 * @param lungMask        0 outside the lungs, 1 right lung, 2 left lung
 * @param infectionMask   values as described by {@code infectionLabels}
 * @param infectionLabels whether the infection mask distinguishes ground-glass opacity and consolidation
 * @param spacingKnown    whether the masks' spacing is real; when false, amounts are voxel or pixel counts
 */
public record SeverityInput(Volume lungMask, Volume infectionMask, InfectionLabels infectionLabels,
                            boolean spacingKnown) {

    public SeverityInput {
        Objects.requireNonNull(lungMask, "lungMask");
        Objects.requireNonNull(infectionMask, "infectionMask");
        Objects.requireNonNull(infectionLabels, "infectionLabels");
        if (lungMask.width() != infectionMask.width() || lungMask.height() != infectionMask.height()
                || lungMask.depth() != infectionMask.depth()) {
            throw new CovsegException("the lung mask is " + dims(lungMask) + " voxels but the infection mask is "
                    + dims(infectionMask) + "; both masks must come from the same scan grid");
        }
        if (spacingKnown && !sameSpacing(lungMask.spacing(), infectionMask.spacing(), lungMask.depth() == 1 ? 2 : 3)) {
            throw new CovsegException("the lung mask has spacing " + Arrays.toString(lungMask.spacing())
                    + " mm but the infection mask " + Arrays.toString(infectionMask.spacing())
                    + " mm; both masks must come from the same scan grid");
        }
    }

    /** True for a 2-D slice (depth 1). */
    public boolean singleSlice() {
        return lungMask.depth() == 1;
    }

    public MeasureUnit unit() {
        return MeasureUnit.of(singleSlice(), spacingKnown);
    }

    /** The amount one voxel stands for in {@link #unit()}. */
    public double amountPerVoxel() {
        return unit().perVoxel(lungMask.spacing());
    }

    private static String dims(Volume v) {
        return v.width() + "x" + v.height() + "x" + v.depth();
    }

    private static boolean sameSpacing(double[] a, double[] b, int axes) {
        for (int axis = 0; axis < axes; axis++) {
            if (Math.abs(a[axis] - b[axis]) > 1e-6 * Math.max(Math.abs(a[axis]), Math.abs(b[axis]))) {
                return false;
            }
        }
        return true;
    }
}
