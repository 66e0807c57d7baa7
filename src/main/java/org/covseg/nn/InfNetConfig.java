package org.covseg.nn;

import ai.djl.ndarray.types.Shape;

/**
 * The architecture parameters of an {@link InfNet}, serialisable to JSON (e.g. with Jackson) for a model
 * directory's {@code model.json}.
 *
 * @param width channel multiplier of the backbone and the decoder; 1.0 is the official network
 * @param inputSize the side of the square input the model is trained and run at (official: 352); the network
 *     itself accepts any height and width that are multiples of 32
 */
public record InfNetConfig(double width, int inputSize) {

    /** Inf-Net as published: full width, 352x352 input. */
    public static final InfNetConfig OFFICIAL = new InfNetConfig(1.0, 352);

    /** The backbone's total stride: inputs must be multiples of it. */
    public static final int STRIDE = 32;

    public InfNetConfig {
        NetworkWidth.require("Inf-Net", width);
        if (inputSize <= 0 || inputSize % STRIDE != 0) {
            throw new IllegalArgumentException("Inf-Net input size must be a positive multiple of " + STRIDE
                    + ", got " + inputSize);
        }
    }

    /** The channel count this configuration uses where the official network has {@code official}. */
    public int channels(int official) {
        return NetworkWidth.channels(official, width);
    }

    /** The input shape {@code (batch, 3, inputSize, inputSize)}. */
    public Shape inputShape(int batch) {
        return new Shape(batch, 3, inputSize, inputSize);
    }
}
