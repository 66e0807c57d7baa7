package org.covseg.nn;

import ai.djl.ndarray.types.Shape;

/**
 * The size of a network of any architecture ({@link SegmentationArchitecture}, the detector): its channel width and
 * input size, serialisable to JSON (e.g. with Jackson) for a model directory's {@code model.json}.
 *
 * @param width channel multiplier of the encoder and the decoder; 1.0 is the published network
 * @param inputSize the side of the square input the model is trained and run at (Inf-Net's official: 352); the
 *     networks accept any height and width that are multiples of 32
 */
public record NetworkSize(double width, int inputSize) {

    /** Inf-Net's size as published: full width, 352x352 input. */
    public static final NetworkSize OFFICIAL = new NetworkSize(1.0, 352);

    /** The encoders' total stride: inputs must be multiples of it. */
    public static final int STRIDE = 32;

    public NetworkSize {
        NetworkWidth.require("the network", width);
        if (inputSize <= 0 || inputSize % STRIDE != 0) {
            throw new IllegalArgumentException("the network's input size must be a positive multiple of " + STRIDE
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
