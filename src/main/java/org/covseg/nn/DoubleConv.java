package org.covseg.nn;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;

/**
 * The U-Net's {@code DoubleConv}: (3x3 convolution with bias → BatchNorm → ReLU) twice, the first to {@code mid}
 * channels, the second to {@code out}. Its parameters are named as the official {@code double_conv.0/1/3/4}.
 */
final class DoubleConv extends NamedSequential {

    DoubleConv(int out, int mid) {
        NamedSequential layers = new NamedSequential()
                .add("0", conv3x3(mid))
                .add("1", Layers.batchNorm())
                .add("2", Activation.reluBlock())
                .add("3", conv3x3(out))
                .add("4", Layers.batchNorm())
                .add("5", Activation.reluBlock());
        add("double_conv", layers);
    }

    DoubleConv(int out) {
        this(out, out);
    }

    /** PyTorch's {@code nn.Conv2d(in, out, kernel_size=3, padding=1)}: bias included. */
    private static Conv2d conv3x3(int out) {
        return Conv2d.builder().setFilters(out).setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).build();
    }
}
