package org.covseg.data.augment;

import java.util.SplittableRandom;

/**
 * Brightness and contrast jitter of a grey image (levels 0..255), as torchvision's {@code ColorJitter} defines them:
 * brightness multiplies every level; contrast then scales the distance to the image's mean level. The result is
 * clamped to 0..255. It works on grey levels, before the network's normalisation, so the jittered image is still a
 * valid 8-bit-range image.
 */
public record IntensityJitter(double brightness, double contrast) {

    /** Factors are drawn uniformly from [1 − STRENGTH, 1 + STRENGTH]. */
    public static final double STRENGTH = 0.2;

    public static IntensityJitter draw(SplittableRandom random) {
        return new IntensityJitter(random.nextDouble(1 - STRENGTH, 1 + STRENGTH),
                random.nextDouble(1 - STRENGTH, 1 + STRENGTH));
    }

    public float[] apply(float[] grey) {
        double mean = 0;
        for (float v : grey) {
            mean += v * brightness;
        }
        mean /= grey.length;
        float[] out = new float[grey.length];
        for (int p = 0; p < grey.length; p++) {
            double v = contrast * (grey[p] * brightness - mean) + mean;
            out[p] = (float) Math.min(255, Math.max(0, v));
        }
        return out;
    }
}
