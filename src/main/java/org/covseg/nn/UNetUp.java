package org.covseg.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The bilinear U-Net's {@code Up}: upsample the coarse features x2 (bilinear, {@code align_corners=True}, exact:
 * {@link Bilinear}), zero-pad them to the skip's size when the skip is odd-sized, concatenate {@code [skip, up]} and
 * apply a {@link DoubleConv} whose middle width is half its input channels. Inputs: {@code (coarse, skip)}.
 */
final class UNetUp extends AbstractBlock {

    private final DoubleConv conv;

    UNetUp(int inChannels, int out) {
        conv = addChildBlock("conv", new DoubleConv(out, inChannels / 2));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray skip = inputs.get(1);
        NDArray up = upsample(inputs.get(0), skip.getShape());
        return conv.forward(store, new NDList(skip.concat(up, 1)), training);
    }

    private static NDArray upsample(NDArray coarse, Shape skip) {
        long height = coarse.getShape().get(2) * 2;
        long width = coarse.getShape().get(3) * 2;
        NDArray up = Bilinear.resize(coarse, height, width, true);
        // as F.pad(x, [padX // 2, padX - padX // 2, padY // 2, padY - padY // 2]), by concatenating zeros
        up = pad(up, 3, skip.get(3) - width);
        return pad(up, 2, skip.get(2) - height);
    }

    private static NDArray pad(NDArray x, int axis, long total) {
        if (total == 0) {
            return x;
        }
        long before = total / 2;
        NDList parts = new NDList();
        if (before > 0) {
            parts.add(zeros(x, axis, before));
        }
        parts.add(x);
        parts.add(zeros(x, axis, total - before));
        return NDArrays.concat(parts, axis);
    }

    private static NDArray zeros(NDArray like, int axis, long size) {
        long[] shape = like.getShape().getShape();
        shape[axis] = size;
        return like.getManager().zeros(new Shape(shape), like.getDataType());
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape skip = inputShapes[1];
        conv.initialize(manager, dataType, Blocks.withChannels(skip, skip.get(1) + inputShapes[0].get(1)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return conv.getOutputShapes(new Shape[] {Blocks.withChannels(inputShapes[1],
                inputShapes[1].get(1) + inputShapes[0].get(1))});
    }
}
