package org.covseg.metrics;

/**
 * A prediction as the official Inf-Net evaluation reads it: an 8-bit grey map (levels 0..255) the size of the ground
 * truth. The official test script saves {@code sigmoid(map2)} as an 8-bit PNG and the MATLAB tool reads it back, so
 * the protocol's thresholds act on these 256 levels after the tool's own normalisation ({@link #normalisedLevels()}).
 */
public final class ProtocolMap {

    private static final int LEVELS = 256;

    private final int width;
    private final int height;
    private final byte[] levels;

    private ProtocolMap(int width, int height, byte[] levels) {
        this.width = width;
        this.height = height;
        this.levels = levels;
    }

    /** A map of grey levels 0..255 as read from an 8-bit image, row-major. */
    public static ProtocolMap fromGreyLevels(int[] greyLevels, int width, int height) {
        Shapes.requireLength("the grey map", greyLevels.length, width, height);
        byte[] levels = new byte[greyLevels.length];
        for (int p = 0; p < greyLevels.length; p++) {
            int g = greyLevels[p];
            if (g < 0 || g >= LEVELS) {
                throw new IllegalArgumentException("grey levels must be 0..255, found " + g);
            }
            levels[p] = (byte) g;
        }
        return new ProtocolMap(width, height, levels);
    }

    /**
     * The 8-bit map the official test script would save for these probabilities: {@code scipy.misc.imsave} on a float
     * map calls {@code bytescale}, which min-max scales to 0..255 and rounds half up, in float32 arithmetic. A
     * constant map (max = min) becomes all zeros there, and so here.
     */
    public static ProtocolMap fromProbabilities(float[] probabilities, int width, int height) {
        Shapes.requireLength("the probability map", probabilities.length, width, height);
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float p : probabilities) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("probabilities must lie in [0, 1], found " + p);
            }
            min = Math.min(min, p);
            max = Math.max(max, p);
        }
        float range = max - min;
        float scale = (float) (255.0 / (range == 0 ? 1 : range));
        byte[] levels = new byte[probabilities.length];
        for (int p = 0; p < probabilities.length; p++) {
            float scaled = Math.min(255f, Math.max(0f, (probabilities[p] - min) * scale));
            levels[p] = (byte) (int) (scaled + 0.5f);
        }
        return new ProtocolMap(width, height, levels);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int level(int pixel) {
        return levels[pixel] & 0xFF;
    }

    /**
     * The value each grey level takes after the MATLAB tool's {@code im2double} (level/255) and
     * {@code mapminmax(x, 0, 1)}. mapminmax computes (x − min)·(1/(max − min)), multiplying by the reciprocal: the
     * maximum can land one ulp below 1 (levels {0, 9}: 0.9999999999999999) and then no pixel passes the threshold
     * t = 1. For a constant map (or a range whose reciprocal exceeds 1e14) mapminmax leaves the values unchanged.
     * The result is non-decreasing in the level.
     */
    public double[] normalisedLevels() {
        int lowest = LEVELS - 1;
        int highest = 0;
        for (int p = 0; p < levels.length; p++) {
            lowest = Math.min(lowest, level(p));
            highest = Math.max(highest, level(p));
        }
        double min = lowest / 255.0;
        double range = highest / 255.0 - min;
        double gain = 1.0 / range;
        double offset = min;
        if (Math.abs(gain) > 1e14 || range == 0) {
            gain = 1;
            offset = 0;
        }
        double[] values = new double[LEVELS];
        for (int level = 0; level < LEVELS; level++) {
            values[level] = (level / 255.0 - offset) * gain + 0.0;
        }
        return values;
    }

    /** The pixels whose probability level/255 is at least {@code threshold}: the plain scores' positives. */
    public boolean[] positives(double threshold) {
        boolean[] positive = new boolean[levels.length];
        for (int p = 0; p < levels.length; p++) {
            positive[p] = level(p) / 255.0 >= threshold;
        }
        return positive;
    }

    /** The normalised map, pixel by pixel (row-major). */
    public double[] normalised() {
        double[] byLevel = normalisedLevels();
        double[] values = new double[levels.length];
        for (int p = 0; p < levels.length; p++) {
            values[p] = byLevel[level(p)];
        }
        return values;
    }
}
