package org.covseg.phantom;

/** A straight tube (capsule) from (x0, y0, z0) to (x1, y1, z1) mm with a radius in mm. */
record Tube(double x0, double y0, double z0, double x1, double y1, double z1, double radius) {

    /** Distance (mm) from a point to the tube's axis segment. */
    double distanceToAxis(double x, double y, double z) {
        double dx = x1 - x0;
        double dy = y1 - y0;
        double dz = z1 - z0;
        double px = x - x0;
        double py = y - y0;
        double pz = z - z0;
        double lengthSquared = dx * dx + dy * dy + dz * dz;
        double f = lengthSquared == 0 ? 0 : Math.max(0, Math.min(1, (px * dx + py * dy + pz * dz) / lengthSquared));
        double ex = px - f * dx;
        double ey = py - f * dy;
        double ez = pz - f * dz;
        return Math.sqrt(ex * ex + ey * ey + ez * ez);
    }
}
