package org.covseg.data.augment;

/**
 * A geometric transform of a square plane, held as the affine map from each output pixel centre to the input
 * position it samples ({@code x_in = a·x + b·y + tx}, {@code y_in = c·x + d·y + ty}; pixel centres at integers).
 * Sampling is bilinear; positions within half a pixel of the border take the nearest border values, positions
 * further out take a fill value. Flips and quarter turns map pixel centres onto pixel centres, so they move values
 * exactly.
 */
public record PlaneWarp(double a, double b, double c, double d, double tx, double ty) {

    private static final int[][] QUARTER_TURNS = {{1, 0, 0, 1}, {0, 1, -1, 0}, {-1, 0, 0, -1}, {0, -1, 1, 0}};

    public static PlaneWarp identity() {
        return new PlaneWarp(1, 0, 0, 1, 0, 0);
    }

    /** Mirrors left-right. */
    public static PlaneWarp flipX(int size) {
        return new PlaneWarp(-1, 0, 0, 1, size - 1, 0);
    }

    /** Mirrors top-bottom. */
    public static PlaneWarp flipY(int size) {
        return new PlaneWarp(1, 0, 0, -1, 0, size - 1);
    }

    /** Turns the content {@code turns} quarter turns clockwise as displayed (rows top to bottom), exactly. */
    public static PlaneWarp quarterTurns(int turns, int size) {
        int[] m = QUARTER_TURNS[Math.floorMod(turns, 4)];
        return aboutCentre(m[0], m[1], m[2], m[3], size);
    }

    /** Turns the content by {@code radians} clockwise as displayed, about the plane's centre. */
    public static PlaneWarp rotation(double radians, int size) {
        double cos = Math.cos(radians);
        double sin = Math.sin(radians);
        return aboutCentre(cos, sin, -sin, cos, size);
    }

    /**
     * Enlarges the square {@code side} pixels wide whose top-left corner is at ({@code left}, {@code top}) (in pixel
     * edges, 0..size) to the whole plane, with the pixel-centre convention of bilinear resizing without aligned
     * corners.
     */
    public static PlaneWarp crop(double left, double top, double side, int size) {
        double scale = side / size;
        return new PlaneWarp(scale, 0, 0, scale, left + 0.5 * scale - 0.5, top + 0.5 * scale - 0.5);
    }

    private static PlaneWarp aboutCentre(double a, double b, double c, double d, int size) {
        double centre = (size - 1) / 2.0;
        return new PlaneWarp(a, b, c, d, centre - (a + b) * centre, centre - (c + d) * centre);
    }

    /** The warp that applies this one to the output and then {@code next}: a chain from output back to input. */
    public PlaneWarp then(PlaneWarp next) {
        return new PlaneWarp(next.a * a + next.b * c, next.a * b + next.b * d,
                next.c * a + next.d * c, next.c * b + next.d * d,
                next.a * tx + next.b * ty + next.tx, next.c * tx + next.d * ty + next.ty);
    }

    /** The warped copy of a row-major {@code size x size} plane. */
    public float[] apply(float[] plane, int size, float fill) {
        if (plane.length != size * size) {
            throw new IllegalArgumentException("plane of " + plane.length + " values is not " + size + "x" + size);
        }
        float[] out = new float[plane.length];
        double limit = size - 0.5;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double sx = a * x + b * y + tx;
                double sy = c * x + d * y + ty;
                boolean outside = sx < -0.5 || sy < -0.5 || sx > limit || sy > limit;
                out[y * size + x] = outside ? fill : bilinear(plane, size, clamp(sx, size), clamp(sy, size));
            }
        }
        return out;
    }

    private static double clamp(double position, int size) {
        return Math.min(Math.max(position, 0), size - 1);
    }

    private static float bilinear(float[] plane, int size, double x, double y) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        int x1 = Math.min(x0 + 1, size - 1);
        int y1 = Math.min(y0 + 1, size - 1);
        double fx = x - x0;
        double fy = y - y0;
        double top = plane[y0 * size + x0] * (1 - fx) + plane[y0 * size + x1] * fx;
        double bottom = plane[y1 * size + x0] * (1 - fx) + plane[y1 * size + x1] * fx;
        return (float) (top * (1 - fy) + bottom * fy);
    }
}
