package org.covseg.nn;

import static org.covseg.nn.Blocks.apply;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * COVID-SegNet's Feature Variation block, as read from the paper's description (docs/architectures.md):
 * {@code f = conv1x1(x)}; a contrast-enhancement branch scales f by one learned scalar per image
 * (global average pool → FC C→C/2 → sigmoid → FC C/2→1 → sigmoid); a position-sensitive branch multiplies f by a
 * learned spatial map (3x3 conv C→C/2 → ReLU → 3x3 conv C/2→1 → sigmoid); the two branches and f itself are
 * concatenated (3C), fused by a 3x3 convolution + BN back to C channels, added to x, and passed through a ReLU.
 * The channel count does not change.
 */
final class FeatureVariation extends AbstractBlock {

    private final Block project;
    private final Block contrastHidden;
    private final Block contrastOut;
    private final Block positionHidden;
    private final Block positionOut;
    private final Block fuse;

    FeatureVariation(int channels) {
        int half = Math.max(1, channels / 2);
        project = addChildBlock("project", conv(channels, 1));
        contrastHidden = addChildBlock("contrast_fc1", Linear.builder().setUnits(half).build());
        contrastOut = addChildBlock("contrast_fc2", Linear.builder().setUnits(1).build());
        positionHidden = addChildBlock("position_conv1", conv(half, 3));
        positionOut = addChildBlock("position_conv2", conv(1, 3));
        fuse = addChildBlock("fuse", new BasicConv2d(channels, 3, 1));
    }

    private static Conv2d conv(int out, int kernel) {
        return Conv2d.builder().setFilters(out).setKernelShape(new Shape(kernel, kernel))
                .optPadding(new Shape(kernel / 2, kernel / 2)).build();
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray f = apply(project, store, x, training);
        NDArray pooled = Pool.globalAvgPool2d(f);
        NDArray scale = Activation.sigmoid(apply(contrastOut, store,
                Activation.sigmoid(apply(contrastHidden, store, pooled, training)), training));
        NDArray contrast = f.mul(scale.reshape(scale.getShape().get(0), 1, 1, 1));
        NDArray map = Activation.sigmoid(apply(positionOut, store,
                Activation.relu(apply(positionHidden, store, f, training)), training));
        NDArray position = f.mul(map);
        NDArray fused = apply(fuse, store, contrast.concat(position, 1).concat(f, 1), training);
        return new NDList(Activation.relu(fused.add(x)));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        Shape f = Blocks.initialize(project, manager, dataType, in);
        Shape pooled = new Shape(in.get(0), f.get(1));
        contrastOut.initialize(manager, dataType, Blocks.initialize(contrastHidden, manager, dataType, pooled));
        positionOut.initialize(manager, dataType, Blocks.initialize(positionHidden, manager, dataType, f));
        fuse.initialize(manager, dataType, Blocks.withChannels(f, 3 * f.get(1)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
