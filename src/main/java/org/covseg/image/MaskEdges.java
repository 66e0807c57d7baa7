package org.covseg.image;

/**
 * Edge maps for masks without an Edge folder: a pixel is an edge pixel when it lies within {@code radius} pixels
 * (Chebyshev distance) of a pixel on the other side of the mask boundary. With radius 1 the edge is two pixels
 * wide, one on each side, close to the thickness of COVID-SemiSeg's Edge maps.
 */
public final class MaskEdges {

    private MaskEdges() {
    }

    /** 0/1 edge map of a binary (> 0.5) row-major mask. */
    public static float[] of(float[] mask, int width, int height, int radius) {
        float[] edges = new float[mask.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean inside = mask[y * width + x] > 0.5f;
                edges[y * width + x] = hasOppositeNeighbour(mask, width, height, x, y, radius, inside) ? 1 : 0;
            }
        }
        return edges;
    }

    private static boolean hasOppositeNeighbour(float[] mask, int width, int height, int x, int y, int radius,
            boolean inside) {
        for (int dy = -radius; dy <= radius; dy++) {
            int yy = y + dy;
            if (yy < 0 || yy >= height) {
                continue;
            }
            for (int dx = -radius; dx <= radius; dx++) {
                int xx = x + dx;
                if (xx >= 0 && xx < width && (mask[yy * width + xx] > 0.5f) != inside) {
                    return true;
                }
            }
        }
        return false;
    }
}
