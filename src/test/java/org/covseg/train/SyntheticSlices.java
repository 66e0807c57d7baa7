package org.covseg.train;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Synthetic training slices: a bright disc ("lesion") on a graded background, its mask, and its edge map (mask
 * pixels with a background 4-neighbour). Position and radius follow from the slice index, so loads are repeatable.
 */
final class SyntheticSlices implements TrainingSet {

    private final int count;
    private final int size;

    SyntheticSlices(int count, int size) {
        this.count = count;
        this.size = size;
    }

    @Override
    public int size() {
        return count;
    }

    @Override
    public Batch load(NDManager manager, int[] indices) {
        int plane = size * size;
        float[] images = new float[indices.length * 3 * plane];
        float[] masks = new float[indices.length * plane];
        float[] edges = new float[indices.length * plane];
        for (int n = 0; n < indices.length; n++) {
            int k = indices[n];
            double cx = size * (0.3 + 0.4 * ((k * 37) % 11) / 10.0);
            double cy = size * (0.3 + 0.4 * ((k * 53) % 7) / 6.0);
            double r = size * (0.1 + 0.02 * (k % 5));
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    boolean inside = inDisc(x, y, cx, cy, r);
                    masks[n * plane + y * size + x] = inside ? 1 : 0;
                    boolean edge = inside && !(inDisc(x - 1, y, cx, cy, r) && inDisc(x + 1, y, cx, cy, r)
                            && inDisc(x, y - 1, cx, cy, r) && inDisc(x, y + 1, cx, cy, r));
                    edges[n * plane + y * size + x] = edge ? 1 : 0;
                    float grey = (float) ((inside ? 0.6 : 0) + 0.3 * y / size - 0.5);
                    for (int c = 0; c < 3; c++) {
                        images[(n * 3 + c) * plane + y * size + x] = grey;
                    }
                }
            }
        }
        return new Batch(manager.create(images, new Shape(indices.length, 3, size, size)),
                manager.create(masks, new Shape(indices.length, 1, size, size)),
                manager.create(edges, new Shape(indices.length, 1, size, size)));
    }

    private static boolean inDisc(int x, int y, double cx, double cy, double r) {
        return (x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r;
    }
}
