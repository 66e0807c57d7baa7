package org.covseg.nn;

import static org.covseg.nn.Blocks.apply;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * ResNet-18's basic block: 3x3 convolution (with the block's stride) + BN + ReLU, 3x3 convolution + BN, plus the
 * residual, ReLU. When the shape changes the residual goes through a 2x2 average pool and a 1x1 convolution + BN
 * (ResNet-D style) instead of a 1x1 stride-2 convolution, whose backward pass crashes oneDNN on these CPUs.
 */
final class ResidualBlock extends AbstractBlock {

    private final Block conv1;
    private final Block bn1;
    private final Block conv2;
    private final Block bn2;
    private final Block shortcut;

    ResidualBlock(int outChannels, int stride, boolean reshapes) {
        conv1 = addChildBlock("conv1", Layers.conv(outChannels, 3, stride, 1));
        bn1 = addChildBlock("bn1", Layers.batchNorm());
        conv2 = addChildBlock("conv2", Layers.conv(outChannels, 3, 1, 1));
        bn2 = addChildBlock("bn2", Layers.batchNorm());
        shortcut = reshapes ? addChildBlock("downsample", shortcut(outChannels, stride)) : null;
    }

    private static Block shortcut(int outChannels, int stride) {
        NamedSequential path = new NamedSequential();
        if (stride > 1) {
            Shape window = new Shape(stride, stride);
            path.add("0", Pool.avgPool2dBlock(window, window, new Shape(0, 0), true, false));
        }
        return path.add("1", Layers.conv(outChannels, 1, 1, 0)).add("2", Layers.batchNorm());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray out = Activation.relu(apply(bn1, store, apply(conv1, store, x, training), training));
        out = apply(bn2, store, apply(conv2, store, out, training), training);
        NDArray residual = shortcut == null ? x : apply(shortcut, store, x, training);
        return new NDList(Activation.relu(out.add(residual)));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape first = Blocks.initialize(conv1, manager, dataType, inputShapes[0]);
        bn1.initialize(manager, dataType, first);
        bn2.initialize(manager, dataType, Blocks.initialize(conv2, manager, dataType, first));
        if (shortcut != null) {
            shortcut.initialize(manager, dataType, inputShapes);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape first = Blocks.outputShape(conv1, inputShapes[0]);
        return conv2.getOutputShapes(new Shape[] {first});
    }
}
