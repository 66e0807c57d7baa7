package org.covseg.lungs;

import java.util.Arrays;

/**
 * Where a {@link LungOutline} should be bridged, and how far: per direction bin, the radii
 * ({@link #lower}, {@link #upper}] to give to the lung {@link #side} ({@code upper < 0}: nothing to give).
 *
 * <p>A dip is found by a morphological closing of the outline's outer profile over a window of
 * {@value #MAX_DIP_DEGREES}°, widened over its steep shoulders (the edge of a lesion). Three kinds are bridged:
 * <ul>
 *   <li>a dip between two rims of the same lung: bridged by a parabola fitted to the profile on both rims, so
 *       that it follows the curve of the chest wall;</li>
 *   <li>a short gap (directions meeting no lung, at most {@value #MAX_GAP_DEGREES}°) between rims of the same
 *       lung: a lesion filling the lung's whole thickness there, bridged from the lung's inner boundary
 *       (interpolated between the rims) outward;</li>
 *   <li>a dip that runs into the gap behind the lungs (the spine): a posterior consolidation reaching the
 *       paravertebral gutter, which leaves no second rim; it is filled up to the level of the closing, only
 *       where the rib cage behind it is seen.</li>
 * </ul>
 * Every bridge stays inside the chest wall: below the body's edge by the wall thickness measured on the rims,
 * and below the rib cage ({@link RibCage}) where that is seen. Dips between the two lungs, or beside the gaps in
 * front of the heart, are mediastinum and stay as they are.
 */
final class DipBridges {

    static final double MAX_DIP_DEGREES = 60;
    static final double MAX_GAP_DEGREES = 30;
    /** A gap is bridged no deeper than this fraction of its rims' radius: it is the lung's edge that is missing. */
    private static final double MIN_GAP_BOTTOM = 0.5;
    /** A gap is behind the lungs when its directions are within this angle of straight back. */
    private static final double POSTERIOR_GAP_DEGREES = 45;
    /** A bridge may rise above the higher rim by at most this fraction (a chest wall bulges, but not much). */
    private static final double MAX_BULGE = 0.15;

    final double[] lower;
    final double[] upper;
    final byte[] side;

    private final LungOutline outline;
    private final double[] cage;
    private final int n;
    /** The outer profile repeated three times, so that arcs crossing the ±180° seam are seen whole. */
    private final double[] e;
    private final boolean[] gap;
    private final double[] closed;
    /** Per bin, the chest wall outside the lung: from the outermost lung pixel to the body's edge. */
    private final double[] wall;

    /**
     * @param cage      per bin, how far the rib cage lets a lung reach, −1 where unknown ({@link RibCage})
     * @param minDepth  dips shallower than this (mm) are outline noise
     * @param steepStep a shoulder is where the profile changes by more than this (mm) from bin to bin
     */
    DipBridges(LungOutline outline, double[] cage, double minDepth, double steepStep) {
        this.outline = outline;
        this.cage = cage;
        n = outline.bins;
        lower = new double[n];
        upper = new double[n];
        side = new byte[n];
        Arrays.fill(upper, -1);
        e = new double[3 * n];
        gap = new boolean[3 * n];
        for (int m = 0; m < e.length; m++) {
            e[m] = outline.outer[m % n];
        }
        wall = new double[n];
        for (int b = 0; b < n; b++) {
            wall[b] = outline.body[b] - outline.outer[b];
        }
        markBridgeableGaps((int) Math.round(n * MAX_GAP_DEGREES / 360));
        int half = (int) Math.round(n * MAX_DIP_DEGREES / 360 / 2);
        closed = windowed(windowed(e, half, true), half, false);
        int m = 0;
        while (m < e.length) {
            if (!inDip(m, minDepth)) {
                m++;
                continue;
            }
            int a = m;
            while (m < e.length && inDip(m, minDepth)) {
                m++;
            }
            int b = m - 1;
            while (a > 1 && e[a - 2] >= 0 && e[a - 2] - e[a - 1] > steepStep) {
                a--;
            }
            while (b < e.length - 2 && e[b + 2] >= 0 && e[b + 2] - e[b + 1] > steepStep) {
                b++;
            }
            if (a > 0 && b < e.length - 1) {
                bridge(a, b);
            }
        }
    }

    private boolean inDip(int m, double minDepth) {
        return e[m] >= 0 && closed[m] - e[m] > minDepth;
    }

    /** Gaps no wider than {@code maxWidth} bins between rims of the same lung become zero-depth dips. */
    private void markBridgeableGaps(int maxWidth) {
        int m = 0;
        while (m < e.length) {
            if (e[m] >= 0) {
                m++;
                continue;
            }
            int a = m;
            while (m < e.length && e[m] < 0) {
                m++;
            }
            int b = m - 1;
            if (a > 0 && b < e.length - 1 && b - a + 1 <= maxWidth
                    && outline.side[(a - 1) % n] == outline.side[(b + 1) % n]) {
                for (int x = a; x <= b; x++) {
                    e[x] = 0;
                    gap[x] = true;
                }
            }
        }
    }

    /** Bridges the dip e[a..b] if it is of one of the three kinds. */
    private void bridge(int a, int b) {
        boolean rimA = isRim(a - 1);
        boolean rimB = isRim(b + 1);
        if (rimA && rimB && outline.side[(a - 1) % n] == outline.side[(b + 1) % n]) {
            bridgeBetweenRims(a, b);
        } else if (rimA && e[b + 1] < 0 && posterior(b + 1)) {
            bridgeToSpine(a, b, a - 1, a - reach(a, b));
        } else if (rimB && e[a - 1] < 0 && posterior(a - 1)) {
            bridgeToSpine(a, b, b + 1, b + reach(a, b));
        }
    }

    private static int reach(int a, int b) {
        return Math.max(3, (b - a + 1) / 2);
    }

    private void bridgeBetweenRims(int a, int b) {
        int reach = reach(a, b);
        Quadratic fit = new Quadratic((a + b) / 2.0);
        double highestRim = 0;
        for (int x = a - 1; x >= Math.max(0, a - reach) && isRim(x); x--) {
            fit.add(x, e[x]);
            highestRim = Math.max(highestRim, e[x]);
        }
        for (int x = b + 1; x <= Math.min(e.length - 1, b + reach) && isRim(x); x++) {
            fit.add(x, e[x]);
            highestRim = Math.max(highestRim, e[x]);
        }
        double innerA = rimMedian(outline.inner, a - 1, a - reach);
        double innerB = rimMedian(outline.inner, b + 1, b + reach);
        double wallA = rimMedian(wall, a - 1, a - reach);
        double wallB = rimMedian(wall, b + 1, b + reach);
        double deepest = MIN_GAP_BOTTOM * Math.min(e[a - 1], e[b + 1]);
        for (int x = Math.max(a, n); x <= Math.min(b, 2 * n - 1); x++) {
            double across = (x - a + 1) / (double) (b - a + 2);
            double top = fit.solvable() ? Math.min(fit.at(x), (1 + MAX_BULGE) * highestRim) : closed[x];
            double bottom = gap[x] ? Math.max(innerA + (innerB - innerA) * across, deepest) : e[x];
            give(x, bottom, top, wallA + (wallB - wallA) * across, outline.side[(a - 1) % n]);
        }
    }

    /** A dip with one rim at {@code rim} (rim bins from there toward {@code away}) and the spine's gap beyond. */
    private void bridgeToSpine(int a, int b, int rim, int away) {
        double wallThickness = rimMedian(wall, rim, away);
        for (int x = Math.max(a, n); x <= Math.min(b, 2 * n - 1); x++) {
            if (cage[x % n] > 0) {
                give(x, e[x], closed[x], wallThickness, outline.side[rim % n]);
            }
        }
    }

    /** Gives (bottom, top] of extended bin x to the lung, top kept inside the chest wall and the rib cage. */
    private void give(int x, double bottom, double top, double wallThickness, byte lung) {
        int bin = x % n;
        top = Math.min(top, outline.body[bin] - wallThickness);
        if (cage[bin] > 0) {
            top = Math.min(top, cage[bin]);
        }
        if (top > bottom) {
            lower[bin] = bottom;
            upper[bin] = top;
            side[bin] = lung;
        }
    }

    private boolean posterior(int x) {
        return Math.sin(outline.angle(x % n)) >= Math.cos(Math.toRadians(POSTERIOR_GAP_DEGREES));
    }

    /**
     * The median of {@code values} over the rim bins from {@code from} toward {@code to}: a bin is a thin wedge
     * that may hold a pixel of the neighbouring direction, so one bin alone is not to be trusted.
     */
    private double rimMedian(double[] values, int from, int to) {
        int step = to > from ? 1 : -1;
        double[] rim = new double[Math.abs(to - from) + 1];
        int count = 0;
        for (int x = from; x != to + step && x >= 0 && x < e.length && isRim(x); x += step) {
            rim[count++] = values[x % n];
        }
        Arrays.sort(rim, 0, count);
        return rim[count / 2];
    }

    private boolean isRim(int x) {
        return e[x] >= 0 && !gap[x];
    }

    /** Max (or min) over windows of ±half bins, each window cut at the gaps (negative values). */
    private static double[] windowed(double[] e, int half, boolean max) {
        double[] out = new double[e.length];
        for (int m = 0; m < e.length; m++) {
            if (e[m] < 0) {
                out[m] = -1;
                continue;
            }
            double v = e[m];
            for (int x = m - 1; x >= Math.max(0, m - half) && e[x] >= 0; x--) {
                v = max ? Math.max(v, e[x]) : Math.min(v, e[x]);
            }
            for (int x = m + 1; x <= Math.min(e.length - 1, m + half) && e[x] >= 0; x++) {
                v = max ? Math.max(v, e[x]) : Math.min(v, e[x]);
            }
            out[m] = v;
        }
        return out;
    }
}
