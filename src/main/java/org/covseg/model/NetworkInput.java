package org.covseg.model;

import java.util.List;
import org.covseg.image.BilinearResize;
import org.covseg.image.IntensityUnit;
import org.covseg.image.Volume;

/**
 * Turns a slice into what the network was trained on: lung-windowed grey levels (HU slices are windowed with the
 * model's window), resized to the model's square input with exact bilinear interpolation, scaled to [0, 1] and
 * normalised per channel on the three channels that repeat the grey image.
 */
public final class NetworkInput {

    private NetworkInput() {
    }

    /** The {@code 3 x inputSize x inputSize} input for one depth-1 slice, channel-major. */
    public static float[] of(Volume slice, ModelSpec spec) {
        return of(slice, spec, spec.inputSize());
    }

    /** The inputs of depth-1 slices one after the other: {@code N x 3 x inputSize x inputSize}. */
    public static float[] batch(List<Volume> slices, ModelSpec spec) {
        int size = spec.inputSize();
        float[] input = new float[slices.size() * 3 * size * size];
        for (int b = 0; b < slices.size(); b++) {
            float[] one = of(slices.get(b), spec);
            System.arraycopy(one, 0, input, b * one.length, one.length);
        }
        return input;
    }

    /** The {@code 3 x size x size} input for one depth-1 slice, channel-major. */
    public static float[] of(Volume slice, ModelSpec spec, int size) {
        return normalise(grey(slice, spec, size), spec.mean(), spec.std());
    }

    /** The grey levels (0..255) of one depth-1 slice at {@code size x size}, before normalisation. */
    public static float[] grey(Volume slice, ModelSpec spec, int size) {
        Volume grey = slice.unit() == IntensityUnit.HU ? spec.window().toWindow().apply(slice) : slice;
        return BilinearResize.resize(grey.toArray(), grey.width(), grey.height(), size, size, false);
    }

    /**
     * The inverse of {@link #normalise} for the first channel: the grey levels 0..255 that the first {@code plane}
     * values of a network input stand for (a normalised 0 is the mean level). Not clipped.
     */
    public static float[] greyOfFirstChannel(float[] input, int plane, float[] mean, float[] std) {
        float[] grey = new float[plane];
        for (int p = 0; p < plane; p++) {
            grey[p] = (input[p] * std[0] + mean[0]) * 255;
        }
        return grey;
    }

    /** Grey levels 0..255 of one plane → three normalised channels. */
    public static float[] normalise(float[] grey, float[] mean, float[] std) {
        int n = grey.length;
        float[] out = new float[3 * n];
        for (int c = 0; c < 3; c++) {
            for (int p = 0; p < n; p++) {
                out[c * n + p] = (grey[p] / 255f - mean[c]) / std[c];
            }
        }
        return out;
    }
}
