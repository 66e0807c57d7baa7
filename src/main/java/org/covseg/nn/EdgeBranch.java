package org.covseg.nn;

import static org.covseg.nn.Blocks.apply;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Inf-Net's edge attention branch on the stage-1 features: {@link BasicConv2d}s 1x1 → c, 3x3 → c, 3x3 → c (the
 * edge guidance, no ReLU in between, as in the official forward) and 3x3 → 1 (the edge logits). The forward pass
 * returns {@code (guidance, edgeLogits)}, both at the stage-1 size. Its parameters sit at the top level of the
 * official state dict ({@code edge_conv1..4}).
 */
public final class EdgeBranch extends AbstractBlock {

    private final int channels;
    private final Block conv1;
    private final Block conv2;
    private final Block conv3;
    private final Block conv4;

    public EdgeBranch(int channels) {
        this.channels = channels;
        conv1 = addChildBlock("edge_conv1", new BasicConv2d(channels, 1, 0));
        conv2 = addChildBlock("edge_conv2", new BasicConv2d(channels, 3, 1));
        conv3 = addChildBlock("edge_conv3", new BasicConv2d(channels, 3, 1));
        conv4 = addChildBlock("edge_conv4", new BasicConv2d(1, 3, 1));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = apply(conv1, store, inputs.singletonOrThrow(), training);
        NDArray guidance = apply(conv3, store, apply(conv2, store, x, training), training);
        return new NDList(guidance, apply(conv4, store, guidance, training));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape guidance = Blocks.withChannels(inputShapes[0], channels);
        conv1.initialize(manager, dataType, inputShapes);
        conv2.initialize(manager, dataType, guidance);
        conv3.initialize(manager, dataType, guidance);
        conv4.initialize(manager, dataType, guidance);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {Blocks.withChannels(inputShapes[0], channels), Blocks.withChannels(inputShapes[0], 1)};
    }
}
