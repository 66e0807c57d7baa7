package org.covseg.infer;

import java.util.ArrayList;
import java.util.List;
import org.covseg.image.IntensityUnit;
import org.covseg.image.Volume;

/** A model's per-slice probability maps put back on the grids they were computed on. */
public final class ProbabilityMaps {

    private ProbabilityMaps() {
    }

    /**
     * One probability volume per grid, in its geometry, from the maps of the grids' axial slices in order (a
     * volume's slices, or one map per 2-D image), each taken from {@code maps} as it is copied. A volume of several
     * slices is kept in a temporary file ({@link Volume#withSpilledSlices}): it is read only slice by slice
     * afterwards, and would otherwise take as much memory as the CT for the rest of the run.
     */
    public static List<Volume> onGrids(List<Volume> grids, SliceMaps maps) {
        int expected = grids.stream().mapToInt(Volume::depth).sum();
        if (maps.count() != expected) {
            throw new IllegalArgumentException(maps.count() + " maps for " + expected + " slices");
        }
        List<Volume> out = new ArrayList<>(grids.size());
        int next = 0;
        for (Volume grid : grids) {
            int first = next;
            if (grid.depth() == 1) {
                out.add(grid.withVoxels(maps.take(first), IntensityUnit.PROBABILITY));
            } else {
                out.add(grid.withSpilledSlices(k -> maps.take(first + k), IntensityUnit.PROBABILITY));
            }
            next += grid.depth();
        }
        return out;
    }

    /**
     * Fails as {@link #onGrids} would when a volume of {@code grids} cannot be kept in a temporary file: for a caller
     * to learn it before running the network, not after.
     */
    public static void requireRoomFor(List<Volume> grids) {
        if (grids.stream().anyMatch(g -> g.depth() > 1)) {
            Volume.requireSpillFolder();
        }
    }

    /** A mask as a probability map: 1 where it is non-zero, else 0. */
    public static float[] ofMask(float[] mask) {
        float[] probability = new float[mask.length];
        for (int p = 0; p < mask.length; p++) {
            probability[p] = mask[p] != 0 ? 1 : 0;
        }
        return probability;
    }

    /**
     * The mask of a probability volume, as a label map: {@code on} (1..255) where the probability reaches
     * {@code threshold}, else 0. Reads the volume slice by slice, so one kept in a file is never read whole.
     */
    public static Volume atThreshold(Volume probability, double threshold, int on) {
        if (on < 1 || on > 255) {
            throw new IllegalArgumentException("a mask's foreground is a label 1..255, not " + on);
        }
        int plane = probability.width() * probability.height();
        float[] p = new float[plane];
        byte[] mask = new byte[Math.toIntExact(probability.voxelCount())];
        for (int k = 0; k < probability.depth(); k++) {
            probability.readSlice(k, p);
            for (int q = 0; q < plane; q++) {
                mask[k * plane + q] = p[q] >= threshold ? (byte) on : 0;
            }
        }
        return probability.withLabels(mask);
    }
}
