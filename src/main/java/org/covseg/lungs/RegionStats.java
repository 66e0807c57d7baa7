package org.covseg.lungs;

import org.covseg.image.ConnectedComponents;

/** Centroid along i and bounding box of each component of a {@link ConnectedComponents} labelling, in voxels. */
final class RegionStats {

    private final long[] sizes;
    private final double[] sumI;
    private final int[][] min;
    private final int[][] max;

    private RegionStats(int count) {
        sizes = new long[count + 1];
        sumI = new double[count + 1];
        min = new int[count + 1][];
        max = new int[count + 1][];
    }

    static RegionStats of(ConnectedComponents cc, int width, int height, int depth) {
        RegionStats s = new RegionStats(cc.count());
        int p = 0;
        for (int k = 0; k < depth; k++) {
            for (int j = 0; j < height; j++) {
                for (int i = 0; i < width; i++, p++) {
                    int label = cc.label(p);
                    if (label != 0) {
                        s.add(label, i, j, k);
                    }
                }
            }
        }
        return s;
    }

    private void add(int label, int i, int j, int k) {
        if (sizes[label]++ == 0) {
            min[label] = new int[] {i, j, k};
            max[label] = new int[] {i, j, k};
        }
        sumI[label] += i;
        extend(label, 0, i);
        extend(label, 1, j);
        extend(label, 2, k);
    }

    private void extend(int label, int axis, int at) {
        min[label][axis] = Math.min(min[label][axis], at);
        max[label][axis] = Math.max(max[label][axis], at);
    }

    double centroidI(int label) {
        return sumI[label] / sizes[label];
    }

    int min(int label, int axis) {
        return min[label][axis];
    }

    int max(int label, int axis) {
        return max[label][axis];
    }

    /** The component's share of its bounding box. */
    double boxFill(int label) {
        double box = 1;
        for (int axis = 0; axis < 3; axis++) {
            box *= max[label][axis] - min[label][axis] + 1;
        }
        return sizes[label] / box;
    }

    /** The longer in-plane side of the bounding box over the shorter one. */
    double boxAspect(int label) {
        int a = max[label][0] - min[label][0] + 1;
        int b = max[label][1] - min[label][1] + 1;
        return Math.max(a, b) / (double) Math.min(a, b);
    }
}
