package org.covseg.pretrain;

/**
 * The edge map the edge head reconstructs: the Sobel gradient magnitude of the grey image (values in [0, 1]),
 * divided by 4 so that a full black-to-white step scores 1, and clipped to [0, 1]. Borders are replicated.
 */
public final class EdgeTarget {

    private EdgeTarget() {
    }

    /** {@code grey}: a {@code size x size} plane in [0, 1], row-major. */
    public static float[] of(float[] grey, int size) {
        float[] edge = new float[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                float gx = at(grey, size, x + 1, y - 1) + 2 * at(grey, size, x + 1, y) + at(grey, size, x + 1, y + 1)
                        - at(grey, size, x - 1, y - 1) - 2 * at(grey, size, x - 1, y) - at(grey, size, x - 1, y + 1);
                float gy = at(grey, size, x - 1, y + 1) + 2 * at(grey, size, x, y + 1) + at(grey, size, x + 1, y + 1)
                        - at(grey, size, x - 1, y - 1) - 2 * at(grey, size, x, y - 1) - at(grey, size, x + 1, y - 1);
                edge[y * size + x] = (float) Math.min(1, Math.sqrt(gx * gx + gy * gy) / 4);
            }
        }
        return edge;
    }

    private static float at(float[] grey, int size, int x, int y) {
        int cx = Math.max(0, Math.min(size - 1, x));
        int cy = Math.max(0, Math.min(size - 1, y));
        return grey[cy * size + cx];
    }
}
