package org.covseg.phantom;

import java.util.SplittableRandom;

/**
 * Smooth random texture: white Gaussian noise blurred by a Gaussian of the given correlation length (mm) along
 * each axis where that length spans at least half a voxel, then scaled so that its standard deviation is the one
 * asked for. Used for lung parenchyma and lesion texture.
 */
final class GaussianTexture {

    private GaussianTexture() {
    }

    static float[] generate(VoxelGrid g, double correlationMm, double std, SplittableRandom rng) {
        float[] field = new float[g.voxelCount()];
        for (int p = 0; p < field.length; p++) {
            field[p] = (float) rng.nextGaussian();
        }
        double[] spacing = {g.pixelMm(), g.pixelMm(), g.sliceMm()};
        double gain = 1;
        for (int axis = 0; axis < 3; axis++) {
            double sigma = correlationMm / spacing[axis];
            if (sigma >= 0.5) {
                float[] kernel = SeparableBlur.gaussian(sigma);
                SeparableBlur.along(field, g, axis, kernel);
                gain *= sumOfSquares(kernel);
            }
        }
        float scale = (float) (std / Math.sqrt(gain));
        for (int p = 0; p < field.length; p++) {
            field[p] *= scale;
        }
        return field;
    }

    /** Blurring white noise with kernel w multiplies its variance by Σw². */
    private static double sumOfSquares(float[] kernel) {
        double sum = 0;
        for (float w : kernel) {
            sum += w * w;
        }
        return sum;
    }
}
