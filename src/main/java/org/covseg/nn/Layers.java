package org.covseg.nn;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;

/** DJL layers configured as their PyTorch counterparts in the official Inf-Net code. */
final class Layers {

    /** PyTorch's BatchNorm2d eps. */
    static final float BATCH_NORM_EPSILON = 1e-5f;
    /**
     * DJL's momentum is the weight of the old running statistic (the engine passes {@code 1 − momentum} to
     * PyTorch), so 0.9 here is PyTorch's default momentum 0.1.
     */
    static final float BATCH_NORM_MOMENTUM = 0.9f;

    private Layers() {
    }

    /** A square convolution without bias, as every convolution of Inf-Net except the decoder's last one. */
    static Conv2d conv(int outChannels, int kernel, int stride, int padding) {
        return conv(outChannels, new Shape(kernel, kernel), new Shape(stride, stride), new Shape(padding, padding),
                1);
    }

    static Conv2d conv(int outChannels, Shape kernel, Shape stride, Shape padding, int dilation) {
        return Conv2d.builder()
                .setFilters(outChannels)
                .setKernelShape(kernel)
                .optStride(stride)
                .optPadding(padding)
                .optDilation(new Shape(dilation, dilation))
                .optBias(false)
                .build();
    }

    static BatchNorm batchNorm() {
        return BatchNorm.builder().optEpsilon(BATCH_NORM_EPSILON).optMomentum(BATCH_NORM_MOMENTUM).build();
    }
}
