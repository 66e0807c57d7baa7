package org.covseg.nn;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;

/** A square convolution without bias (padding keeps the size), batch normalisation and ReLU. */
final class ConvBnRelu extends NamedSequential {

    ConvBnRelu(int outChannels, int kernel, int dilation) {
        int padding = dilation * (kernel / 2);
        add("conv", Layers.conv(outChannels, new Shape(kernel, kernel), new Shape(1, 1),
                new Shape(padding, padding), dilation));
        add("bn", Layers.batchNorm());
        add("relu", Activation.reluBlock());
    }
}
