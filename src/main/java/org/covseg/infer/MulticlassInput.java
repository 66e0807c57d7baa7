package org.covseg.infer;

import org.covseg.image.BilinearResize;
import org.covseg.image.Volume;
import org.covseg.model.ModelSpec;
import org.covseg.model.NetworkInput;

/**
 * The multi-class network's input, as the official code builds it: the slice as {@link NetworkInput} prepares it
 * (3 channels) followed by the infection prior — the single-class model's probability map, computed at the slice's
 * own size — resized the same way and normalised like an image whose grey level is probability·255 (the official
 * loader reads the prior as an image and applies the ImageNet normalisation to it too).
 */
public final class MulticlassInput {

    /** Input channels: 3 for the slice, 3 for the prior. */
    public static final int CHANNELS = 6;

    private MulticlassInput() {
    }

    /**
     * The {@code 6 x size x size} input, channel-major.
     *
     * @param prior infection probability in [0, 1], row-major at the slice's width x height
     */
    public static float[] of(Volume slice, float[] prior, ModelSpec spec, int size) {
        return assemble(NetworkInput.grey(slice, spec, size), priorGrey(slice, prior, size), spec);
    }

    /** The prior at {@code size x size} as the grey levels (probability·255) it is normalised from. */
    public static float[] priorGrey(Volume slice, float[] prior, int size) {
        if (prior.length != slice.width() * slice.height()) {
            throw new IllegalArgumentException("the prior has " + prior.length + " values for a " + slice.width()
                    + "x" + slice.height() + " slice");
        }
        float[] grey = BilinearResize.resize(prior, slice.width(), slice.height(), size, size, false);
        for (int p = 0; p < grey.length; p++) {
            grey[p] *= 255f;
        }
        return grey;
    }

    /** The input from the slice's grey levels and the prior's, both 0..255 at the same size. */
    public static float[] assemble(float[] sliceGrey, float[] priorGrey, ModelSpec spec) {
        float[] image = NetworkInput.normalise(sliceGrey, spec.mean(), spec.std());
        float[] priorChannels = NetworkInput.normalise(priorGrey, spec.mean(), spec.std());
        float[] input = new float[image.length + priorChannels.length];
        System.arraycopy(image, 0, input, 0, image.length);
        System.arraycopy(priorChannels, 0, input, image.length, priorChannels.length);
        return input;
    }
}
