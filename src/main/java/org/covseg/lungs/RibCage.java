package org.covseg.lungs;

import java.util.Arrays;

/**
 * How far the lungs may reach toward the back: up to the inner surface of the rib cage and spine, less the thin
 * pleural gap a healthy lung keeps from it. {@link DipBridges} uses it as a cap, so that a bridge over a
 * posterior consolidation (where COVID-19 lesions gather) does not run into the back muscles.
 *
 * <p>Per direction bin pointing backward, the nearest bone beyond the lung ({@link LungOutline#bone}) is smoothed
 * by a running median, so that a ray slipping between two ribs takes the ribs' radius rather than that of the
 * scapula farther out. The pleural gap is the median over the slice of the gap the lungs keep from that cage, at
 * most {@value #MAX_PLEURAL_GAP_MM} mm. Bone that a display window does not saturate is not seen; then there is
 * no cap from the ribs.
 */
final class RibCage {

    /** Directions within this angle of straight back are posterior. */
    private static final double POSTERIOR_HALF_ANGLE_DEGREES = 70;
    private static final double ENVELOPE_HALF_WINDOW_DEGREES = 10;
    private static final double MAX_PLEURAL_GAP_MM = 5;
    /** The rib cage is trusted where at least this share of the directions around meet bone. */
    private static final double MIN_BONE_SHARE = 0.3;

    private RibCage() {
    }

    /**
     * The rib cage's radius at bin b: the median of the nearest-bone radii over ±{@code half} bins, which follows
     * the slope of the wall and ignores a ray that slips between two ribs to the scapula; never beyond bin b's own
     * bone. −1 when too few of those bins meet bone, or the cage is not beyond the lung.
     */
    private static double cage(LungOutline o, int b, int half) {
        int n = o.bins;
        double[] window = new double[2 * half + 1];
        int count = 0;
        for (int d = -half; d <= half; d++) {
            double bone = o.bone[Math.floorMod(b + d, n)];
            if (bone > 0) {
                window[count++] = bone;
            }
        }
        if (count < MIN_BONE_SHARE * window.length) {
            return -1;
        }
        Arrays.sort(window, 0, count);
        double median = window[count / 2];
        double radius = o.bone[b] > 0 ? Math.min(o.bone[b], median) : median;
        return radius > o.outer[b] ? radius : -1;
    }

    /** Per bin, how far the lung may reach in a posterior direction before the rib cage, or −1. */
    static double[] reach(LungOutline o) {
        int n = o.bins;
        double[] reach = new double[n];
        Arrays.fill(reach, -1);
        int half = (int) Math.round(n * ENVELOPE_HALF_WINDOW_DEGREES / 360);
        double minSine = Math.cos(Math.toRadians(POSTERIOR_HALF_ANGLE_DEGREES));
        double[] envelope = new double[n];
        double[] gaps = new double[n];
        int count = 0;
        for (int b = 0; b < n; b++) {
            envelope[b] = -1;
            if (o.outer[b] < 0 || Math.sin(o.angle(b)) < minSine) {
                continue;
            }
            envelope[b] = cage(o, b, half);
            if (envelope[b] > 0) {
                gaps[count++] = envelope[b] - o.outer[b];
            }
        }
        if (count == 0) {
            return reach;
        }
        Arrays.sort(gaps, 0, count);
        double pleuralGap = Math.min(MAX_PLEURAL_GAP_MM, gaps[(count - 1) / 2]);
        for (int b = 0; b < n; b++) {
            if (envelope[b] > 0) {
                reach[b] = envelope[b] - pleuralGap;
            }
        }
        return reach;
    }
}
