package org.covseg.image;

import java.util.List;

/**
 * The two peaks of an 8-bit chest CT slice's grey histogram: lung parenchyma (the darker) and soft tissue (the
 * brighter). Their positions tell which window a slice was exported with: the 50 COVID-SemiSeg training slices peak at
 * grey 44 and 214, the COVID-SemiSeg unlabeled "coronacases" volumes, exported with a window about twice as wide, near
 * 14 and 100. Measured over many slices of one volume, the peaks are robust to how much lung each slice shows.
 */
public record TissuePeaks(int lung, int softTissue) {

    /** Lung parenchyma and soft tissue in Hounsfield units as {@link Window#COVID_SEMISEG} was measured on them. */
    private static final float LUNG_HU = -921;
    private static final float SOFT_TISSUE_HU = 26;

    /** Black padding and saturated white are not tissue peaks. */
    private static final int LOWEST = 5;
    private static final int HIGHEST = 249;
    private static final int SMOOTHING_RADIUS = 3;
    /** A level with more than FILL_RATIO times the pixels of the levels FILL_SPREAD either side is a constant fill. */
    private static final int FILL_SPREAD = 2;
    private static final int FILL_RATIO = 4;
    /** The two peaks are at least this many grey levels apart (lung and soft tissue are ~950 HU apart). */
    private static final int MIN_SEPARATION = 50;

    public TissuePeaks {
        if (softTissue - lung < MIN_SEPARATION) {
            throw new IllegalArgumentException("soft tissue peak " + softTissue + " is not " + MIN_SEPARATION
                    + " grey levels above the lung peak " + lung);
        }
    }

    /** The peaks of the grey histogram of all the slices together (8-bit grey levels 0..255). */
    public static TissuePeaks of(List<Volume> slices) {
        long[] histogram = new long[256];
        for (Volume slice : slices) {
            for (float g : slice.toArray()) {
                histogram[Math.max(0, Math.min(255, Math.round(g)))]++;
            }
        }
        removeFills(histogram);
        double[] smooth = smoothed(histogram);
        int first = argmax(smooth, LOWEST, HIGHEST, -1);
        int second = argmax(smooth, LOWEST, HIGHEST, first);
        if (second < 0) {
            throw new IllegalArgumentException("the grey histogram has no two peaks " + MIN_SEPARATION
                    + " levels apart between " + LOWEST + " and " + HIGHEST);
        }
        return new TissuePeaks(Math.min(first, second), Math.max(first, second));
    }

    /** The window that puts lung parenchyma and soft tissue at these peaks: the one the slices were exported with. */
    public Window impliedWindow() {
        double huPerGrey = (SOFT_TISSUE_HU - LUNG_HU) / (softTissue - lung);
        double low = LUNG_HU - lung * huPerGrey;
        double width = 255 * huPerGrey;
        return new Window(low + width / 2, width);
    }

    /**
     * Zeroes the levels that hold a constant fill rather than tissue: the padding outside a circular field of view is
     * one grey level (often half the image) with almost nothing two levels either side, while a tissue peak, spread by
     * noise and partial volume, never is. Left in, such a fill would be taken for the lung peak.
     */
    private static void removeFills(long[] histogram) {
        long[] original = histogram.clone();
        for (int g = 0; g < original.length; g++) {
            long below = g >= FILL_SPREAD ? original[g - FILL_SPREAD] : 0;
            long above = g + FILL_SPREAD < original.length ? original[g + FILL_SPREAD] : 0;
            if (original[g] > FILL_RATIO * (below + above)) {
                histogram[g] = 0;
            }
        }
    }

    /** Triangular smoothing (weights 4, 3, 2, 1 for radius 3), so that a single busy level stays a peak. */
    private static double[] smoothed(long[] histogram) {
        double[] s = new double[histogram.length];
        for (int g = 0; g < histogram.length; g++) {
            for (int d = -SMOOTHING_RADIUS; d <= SMOOTHING_RADIUS; d++) {
                if (g + d >= 0 && g + d < histogram.length) {
                    s[g] += (SMOOTHING_RADIUS + 1 - Math.abs(d)) * histogram[g + d];
                }
            }
        }
        return s;
    }

    /**
     * The highest local maximum in [from, to] at least MIN_SEPARATION from {@code awayFrom} (ignored if negative), so
     * that the flank of the first peak is never taken for the second; -1 if none.
     */
    private static int argmax(double[] s, int from, int to, int awayFrom) {
        int best = -1;
        for (int g = from; g <= to; g++) {
            boolean localMax = s[g] >= s[g - 1] && s[g] >= s[g + 1];
            boolean allowed = localMax && (awayFrom < 0 || Math.abs(g - awayFrom) >= MIN_SEPARATION);
            if (allowed && s[g] > 0 && (best < 0 || s[g] > s[best])) {
                best = g;
            }
        }
        return best;
    }
}
