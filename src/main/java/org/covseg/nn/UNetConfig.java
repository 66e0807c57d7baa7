package org.covseg.nn;

import ai.djl.ndarray.types.Shape;

/**
 * The architecture parameters of a {@link UNet}, serialisable to JSON for a model directory's {@code model.json}.
 *
 * @param width      channel multiplier; 1.0 is the official 64..512-channel network
 * @param inputSize  the side of the square input the model is trained and run at (official: 352)
 * @param inChannels input channels: 6 for the multi-class network (the CT slice and the infection prior, each on
 *                   three channels, as the official code)
 */
public record UNetConfig(double width, int inputSize, int inChannels) {

    /** The multi-class network's input: 3 image channels + 3 prior channels. */
    public static final int MULTICLASS_IN_CHANNELS = 6;

    /** Four 2x2 max-pools: sizes that are multiples of this need no padding in the decoder. */
    public static final int STRIDE = 16;

    public UNetConfig {
        NetworkWidth.require("U-Net", width);
        if (inputSize <= 0 || inputSize % STRIDE != 0) {
            throw new IllegalArgumentException("U-Net input size must be a positive multiple of " + STRIDE
                    + ", got " + inputSize);
        }
        if (inChannels < 1) {
            throw new IllegalArgumentException("U-Net needs at least one input channel, got " + inChannels);
        }
    }

    /** The multi-class network (6 input channels) at this width and input size. */
    public static UNetConfig multiclass(double width, int inputSize) {
        return new UNetConfig(width, inputSize, MULTICLASS_IN_CHANNELS);
    }

    /** The channel count this configuration uses where the official network has {@code official}. */
    public int channels(int official) {
        return NetworkWidth.channels(official, width);
    }

    /** The input shape {@code (batch, inChannels, inputSize, inputSize)}. */
    public Shape inputShape(int batch) {
        return new Shape(batch, inChannels, inputSize, inputSize);
    }
}
