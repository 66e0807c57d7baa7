package org.covseg.metrics;

/** Physical size of a pixel: x between columns, y between rows (e.g. mm); {@link #UNIT} measures in pixels. */
public record PixelSpacing(double x, double y) {

    public static final PixelSpacing UNIT = new PixelSpacing(1, 1);

    public PixelSpacing {
        if (!(x > 0 && y > 0 && Double.isFinite(x) && Double.isFinite(y))) {
            throw new IllegalArgumentException("pixel spacing must be positive and finite, got " + x + " x " + y);
        }
    }
}
