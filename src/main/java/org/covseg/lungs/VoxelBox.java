package org.covseg.lungs;

import java.util.function.IntPredicate;

/**
 * A box of voxels of a scan, to run an operation on a crop rather than the whole grid: a lung fills a fraction
 * of the scan, and a slice's candidates a fraction of the slice.
 */
final class VoxelBox {

    final int i0;
    final int j0;
    final int k0;
    final int width;
    final int height;
    final int depth;

    private VoxelBox(int i0, int j0, int k0, int width, int height, int depth) {
        this.i0 = i0;
        this.j0 = j0;
        this.k0 = k0;
        this.width = width;
        this.height = height;
        this.depth = depth;
    }

    /**
     * The bounding box of component {@code label}, grown in-plane by {@code margin} voxels (clipped to the grid) so
     * that the component's outline has background around it.
     */
    static VoxelBox of(RegionStats stats, int label, ScanGrid g, int margin) {
        int i0 = Math.max(0, stats.min(label, 0) - margin);
        int j0 = Math.max(0, stats.min(label, 1) - margin);
        int i1 = Math.min(g.width() - 1, stats.max(label, 0) + margin);
        int j1 = Math.min(g.height() - 1, stats.max(label, 1) + margin);
        return new VoxelBox(i0, j0, stats.min(label, 2), i1 - i0 + 1, j1 - j0 + 1,
                stats.max(label, 2) - stats.min(label, 2) + 1);
    }

    /**
     * The bounding box of the voxels of slices {@code fromK..toK-1} where {@code inside} holds, grown in-plane by
     * {@code margin} voxels and clipped to the grid; null when there is none.
     */
    static VoxelBox around(IntPredicate inside, ScanGrid g, int fromK, int toK, int margin) {
        int w = g.width();
        int minI = w;
        int maxI = -1;
        int minJ = g.height();
        int maxJ = -1;
        int minK = toK;
        int maxK = -1;
        for (int k = fromK; k < toK; k++) {
            for (int j = 0; j < g.height(); j++) {
                int row = w * (j + g.height() * k);
                int first = -1;
                int last = -1;
                for (int i = 0; i < w; i++) {
                    if (inside.test(row + i)) {
                        first = first < 0 ? i : first;
                        last = i;
                    }
                }
                if (first >= 0) {
                    minI = Math.min(minI, first);
                    maxI = Math.max(maxI, last);
                    minJ = Math.min(minJ, j);
                    maxJ = Math.max(maxJ, j);
                    minK = Math.min(minK, k);
                    maxK = Math.max(maxK, k);
                }
            }
        }
        if (maxI < 0) {
            return null;
        }
        minI = Math.max(0, minI - margin);
        minJ = Math.max(0, minJ - margin);
        maxI = Math.min(w - 1, maxI + margin);
        maxJ = Math.min(g.height() - 1, maxJ + margin);
        return new VoxelBox(minI, minJ, minK, maxI - minI + 1, maxJ - minJ + 1, maxK - minK + 1);
    }

    int voxelCount() {
        return Math.toIntExact((long) width * height * depth);
    }

    /** The box's voxels of a scan-sized mask, as a mask of the box's own grid. */
    boolean[] crop(IntPredicate scanMask, ScanGrid g) {
        boolean[] out = new boolean[voxelCount()];
        forEach(g, (p, q) -> out[q] = scanMask.test(p));
        return out;
    }

    /** Calls {@code action} with each box voxel's index in the scan and in the box. */
    void forEach(ScanGrid g, VoxelPair action) {
        int q = 0;
        for (int k = 0; k < depth; k++) {
            for (int j = 0; j < height; j++) {
                int p = i0 + g.width() * ((j0 + j) + g.height() * (k0 + k));
                for (int i = 0; i < width; i++, q++) {
                    action.accept(p + i, q);
                }
            }
        }
    }

    @FunctionalInterface
    interface VoxelPair {
        void accept(int scanIndex, int boxIndex);
    }
}
