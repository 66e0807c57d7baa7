package org.covseg.phantom;

/**
 * A filled ellipse in the axial plane (mm), possibly rotated: centre, semi-axes along its own axes, and the
 * cosine and sine of the rotation of its first axis from +x toward +y. An ellipse with a non-positive semi-axis
 * is empty, which lets an anatomical part be absent at some levels.
 */
record Ellipse(double cx, double cy, double rx, double ry, double cos, double sin) {

    static final Ellipse NONE = new Ellipse(0, 0, 0, 0, 1, 0);

    static Ellipse of(double cx, double cy, double rx, double ry) {
        return new Ellipse(cx, cy, rx, ry, 1, 0);
    }

    static Ellipse circle(double cx, double cy, double r) {
        return of(cx, cy, r, r);
    }

    static Ellipse rotated(double cx, double cy, double rx, double ry, double degrees) {
        double a = Math.toRadians(degrees);
        return new Ellipse(cx, cy, rx, ry, Math.cos(a), Math.sin(a));
    }

    boolean isEmpty() {
        return rx <= 0 || ry <= 0;
    }

    /** (u/rx)² + (v/ry)² in the ellipse's own axes: below 1 inside. */
    double normalisedRadiusSquared(double x, double y) {
        double dx = x - cx;
        double dy = y - cy;
        double u = (dx * cos + dy * sin) / rx;
        double v = (dy * cos - dx * sin) / ry;
        return u * u + v * v;
    }

    boolean contains(double x, double y) {
        if (isEmpty()) {
            return false;
        }
        double reach = Math.max(rx, ry); // cheap rejection outside the bounding square: most calls end here
        return Math.abs(x - cx) <= reach && Math.abs(y - cy) <= reach && normalisedRadiusSquared(x, y) <= 1;
    }

    /** The ellipse with both semi-axes longer by {@code mm} (shorter if negative): a concentric offset shape. */
    Ellipse grown(double mm) {
        return isEmpty() ? this : new Ellipse(cx, cy, rx + mm, ry + mm, cos, sin);
    }

    /** The ellipse with both semi-axes multiplied by {@code f}, same centre. */
    Ellipse scaled(double f) {
        return isEmpty() ? this : new Ellipse(cx, cy, rx * f, ry * f, cos, sin);
    }
}
