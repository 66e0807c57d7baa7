package org.covseg.severity;

import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.covseg.lungs.LungSide;

/**
 * The geometric partition of one lung into the ten {@link LungRegion}s (and so into {@link Lobe}s): a documented
 * approximation of the segments and lobes from the lung mask's shape alone, without fissures or an atlas.
 * {@link #DESCRIPTION} is the text a report prints.
 */
public final class LungPartition {

    /** A lung must span at least this many slices so that each sixth of its height holds a slice. */
    public static final int MIN_SLICES = 6;

    public static final String DESCRIPTION = "Geometric partition (an approximation, not anatomy: no fissures or"
            + " segment atlas are used). Each lung (right = lung label 1, left = lung label 2) is divided on its own,"
            + " within its bounding box (the smallest box holding all its voxels). A voxel's relative position along"
            + " an axis is taken at the voxel centre: f = (index - first index of the lung + 1/2) / extent of the lung,"
            + " from 0 to 1. fk runs from the lung's lowest slice (inferior, 0) to its highest (superior, 1), fj from"
            + " its most anterior row (0) to its most posterior (1), fm from its lateral edge (0) to its medial edge"
            + " (1); i runs from the patient's right to left, so fm follows increasing i in the right lung and"
            + " decreasing i in the left lung. Cuts are compared as exact fractions and every part is half-open, so a centre exactly on a cut"
            + " belongs to the superior, posterior or medial side. Regions:\n"
            + Stream.of(LungRegion.values())
                    .map(r -> "  " + r.description() + ": " + r.geometry())
                    .collect(Collectors.joining("\n"))
            + "\nLobes: upper lobe = fk >= 2/3 (left: plus the two lingular regions); right middle lobe ="
            + " 1/3 <= fk < 2/3 with fj < 1/2; lower lobe = the rest (1/3 <= fk < 2/3 with fj >= 1/2, and fk < 1/3)."
            + " A lung spanning fewer than " + MIN_SLICES + " slices is not partitioned. The partition follows the"
            + " lung extent present in the scan: a scan that misses part of the lungs gives shifted regions.";

    private final LungSide side;
    private final int[] min;
    private final int[] extent;

    /** The partition of a lung whose voxels fill the box {@code min..max} (inclusive, canonical i, j, k). */
    LungPartition(LungSide side, int[] min, int[] max) {
        this.side = side;
        this.min = min.clone();
        this.extent = new int[3];
        for (int axis = 0; axis < 3; axis++) {
            extent[axis] = max[axis] - min[axis] + 1;
        }
    }

    /** How many slices (k) the lung spans. */
    public int slices() {
        return extent[2];
    }

    /** The region of voxel (i, j, k) of this lung (the voxel must lie in the lung's bounding box). */
    public LungRegion regionAt(int i, int j, int k) {
        int dk = k - min[2];
        int nk = extent[2];
        boolean posterior = atOrAbove(j - min[1], extent[1], 1, 2);
        int fromLateral = side == LungSide.RIGHT ? i - min[0] : min[0] + extent[0] - 1 - i;
        boolean medial = atOrAbove(fromLateral, extent[0], 1, 2);
        int position;
        if (atOrAbove(dk, nk, 2, 3)) {
            position = atOrAbove(dk, nk, 5, 6) ? 0 : posterior ? 1 : 2;
        } else if (atOrAbove(dk, nk, 1, 3)) {
            boolean firstOfPair = side == LungSide.RIGHT ? !medial : atOrAbove(dk, nk, 1, 2);
            position = posterior ? 5 : firstOfPair ? 3 : 4;
        } else if (posterior) {
            position = medial ? 9 : 8;
        } else {
            position = medial ? 6 : 7;
        }
        return LungRegion.at(side, position);
    }

    /** Whether the centre of cell {@code offset} of {@code extent} cells lies at or above num/den: exact. */
    static boolean atOrAbove(int offset, int extent, int num, int den) {
        return (2L * offset + 1) * den >= 2L * extent * num;
    }
}
