package org.covseg.image;

/**
 * Grows labelled markers through a mask, breadth-first and face-connected, so that every reachable mask voxel
 * takes the label of the marker nearest to it along paths inside the mask (in face steps; ties go to the marker
 * that reaches first in index order): a geodesic Voronoi partition. Layout as in {@link ConnectedComponents}.
 */
public final class MarkerFlood {

    private MarkerFlood() {
    }

    /**
     * Labels of the mask voxels reachable from a marker.
     *
     * @param markers initial labels (0 = unlabelled, else a positive label); markers outside the mask are ignored
     * @param mask    where labels may spread
     * @return every mask voxel connected to a marker carries the label of the geodesically nearest marker; other
     *         voxels 0
     */
    public static int[] flood(int[] markers, boolean[] mask, int width, int height, int depth) {
        HoleFilling.requireGrid(mask, width, height, depth);
        if (markers.length != mask.length) {
            throw new IllegalArgumentException("markers and mask must have the same length");
        }
        int[] labels = new int[mask.length];
        int[] queue = new int[mask.length];
        int tail = 0;
        for (int p = 0; p < mask.length; p++) {
            if (mask[p] && markers[p] > 0) {
                labels[p] = markers[p];
                queue[tail++] = p;
            }
        }
        FaceNeighbours neighbours = new FaceNeighbours(width, height, depth);
        int[] around = new int[6];
        for (int head = 0; head < tail; head++) {
            int p = queue[head];
            int count = neighbours.of(p, around);
            for (int m = 0; m < count; m++) {
                int q = around[m];
                if (mask[q] && labels[q] == 0) {
                    labels[q] = labels[p];
                    queue[tail++] = q;
                }
            }
        }
        return labels;
    }
}
