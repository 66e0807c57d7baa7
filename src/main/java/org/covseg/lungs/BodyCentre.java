package org.covseg.lungs;

/**
 * The centroid (pixel units) and left-right extent of a body mask, over one slice or the whole scan. Its i is the
 * body's midline, which separates the right lung (small i) from the left.
 *
 * @param voxels how many body voxels there are (0: no body; then the centre is the grid's centre)
 */
record BodyCentre(double i, double j, int minI, int maxI, long voxels) {

    static BodyCentre of(boolean[] body, ScanGrid g) {
        return over(body, g, 0, g.depth());
    }

    static BodyCentre ofSlice(boolean[] body, ScanGrid g, int k) {
        return over(body, g, k, k + 1);
    }

    private static BodyCentre over(boolean[] body, ScanGrid g, int fromK, int toK) {
        int w = g.width();
        double sumI = 0;
        double sumJ = 0;
        long count = 0;
        int minI = w;
        int maxI = -1;
        for (int p = fromK * g.sliceSize(); p < toK * g.sliceSize(); p++) {
            if (body[p]) {
                int i = p % w;
                sumI += i;
                sumJ += (p / w) % g.height();
                count++;
                minI = Math.min(minI, i);
                maxI = Math.max(maxI, i);
            }
        }
        if (count == 0) {
            return new BodyCentre((w - 1) / 2.0, (g.height() - 1) / 2.0, 0, w - 1, 0);
        }
        return new BodyCentre(sumI / count, sumJ / count, minI, maxI, count);
    }

    /** The body's extent along i, in pixels. */
    int width() {
        return maxI - minI + 1;
    }
}
