package org.covseg.nn;

import static org.covseg.nn.Blocks.apply;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * Inf-Net's receptive field block ({@code RFB_modified}): branch 0 is a 1x1 convolution; branch k ∈ {3, 5, 7} is
 * 1x1 → 1xk → kx1 → 3x3 with dilation k; the four branches are concatenated and fused by a 3x3 convolution, a 1x1
 * projection of the input is added and the sum goes through ReLU. All convolutions are {@link BasicConv2d}.
 */
public final class Rfb extends AbstractBlock {

    private static final int[] BRANCH_KERNELS = {3, 5, 7};

    private final List<Block> branches = new ArrayList<>();
    private final Block convCat;
    private final Block convRes;
    private final int channels;

    public Rfb(int channels) {
        this.channels = channels;
        branches.add(addChildBlock("branch0", new NamedSequential().add("0", new BasicConv2d(channels, 1, 0))));
        for (int b = 0; b < BRANCH_KERNELS.length; b++) {
            int k = BRANCH_KERNELS[b];
            branches.add(addChildBlock("branch" + (b + 1), new NamedSequential()
                    .add("0", new BasicConv2d(channels, 1, 0))
                    .add("1", new BasicConv2d(channels, new Shape(1, k), new Shape(0, k / 2), 1))
                    .add("2", new BasicConv2d(channels, new Shape(k, 1), new Shape(k / 2, 0), 1))
                    .add("3", new BasicConv2d(channels, new Shape(3, 3), new Shape(k, k), k))));
        }
        convCat = addChildBlock("conv_cat", new BasicConv2d(channels, 3, 1));
        convRes = addChildBlock("conv_res", new BasicConv2d(channels, 1, 0));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDList outs = new NDList();
        for (Block branch : branches) {
            outs.add(apply(branch, store, x, training));
        }
        NDArray fused = apply(convCat, store, NDArrays.concat(outs, 1), training);
        return new NDList(Activation.relu(fused.add(apply(convRes, store, x, training))));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (Block branch : branches) {
            branch.initialize(manager, dataType, inputShapes);
        }
        convCat.initialize(manager, dataType, Blocks.withChannels(inputShapes[0], 4L * channels));
        convRes.initialize(manager, dataType, inputShapes);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {Blocks.withChannels(inputShapes[0], channels)};
    }
}
