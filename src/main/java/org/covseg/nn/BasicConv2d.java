package org.covseg.nn;

import ai.djl.ndarray.types.Shape;

/**
 * Inf-Net's {@code BasicConv2d}: a convolution without bias followed by batch normalisation. The official class
 * defines a ReLU but its forward never applies it, so neither does this one.
 */
public final class BasicConv2d extends NamedSequential {

    /** A square kernel with the given padding, stride 1, no dilation. */
    public BasicConv2d(int outChannels, int kernel, int padding) {
        this(outChannels, new Shape(kernel, kernel), new Shape(padding, padding), 1);
    }

    public BasicConv2d(int outChannels, Shape kernel, Shape padding, int dilation) {
        add("conv", Layers.conv(outChannels, kernel, new Shape(1, 1), padding, dilation));
        add("bn", Layers.batchNorm());
    }
}
