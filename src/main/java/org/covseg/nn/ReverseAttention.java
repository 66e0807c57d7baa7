package org.covseg.nn;

import static org.covseg.nn.Blocks.apply;

import ai.djl.ndarray.NDArray;
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
 * One reverse-attention step of Inf-Net. Inputs: a backbone feature map, the coarser logits of the previous step
 * and the edge guidance. The previous logits are resized to the feature's size ({@code crop}); the feature is
 * weighted by {@code 1 − sigmoid(crop)} (broadcast over channels), projected by a 1x1 {@link BasicConv2d} to
 * {@code c} channels, concatenated with the edge guidance resized to the same size, passed through hidden
 * convolutions each followed by ReLU and an output convolution to one channel; the result is added to {@code crop}.
 * Every resize is bilinear with {@code align_corners=False}. The output is the refined logits at the feature's size.
 *
 * <p>Its parameters sit at the top level of the official state dict, named {@code <prefix>conv1..n}
 * (e.g. {@code ra4_conv1..5}).
 */
public final class ReverseAttention extends AbstractBlock {

    private final int channels;
    private final Block projection;
    private final List<Block> hidden = new ArrayList<>();
    private final Block output;

    /**
     * @param prefix the official name prefix, e.g. {@code "ra4_"}
     * @param channels the channels {@code c} of the projection and the hidden convolutions
     * @param hiddenKernel the kernel of the hidden convolutions (5 at stage 4, 3 at stages 3 and 2)
     * @param hiddenCount how many hidden convolutions (3 at stage 4, 2 at stages 3 and 2)
     * @param outputKernel the kernel of the output convolution (1 at stage 4, 3 at stages 3 and 2)
     */
    public ReverseAttention(String prefix, int channels, int hiddenKernel, int hiddenCount, int outputKernel) {
        this.channels = channels;
        projection = addChildBlock(prefix + "conv1", new BasicConv2d(channels, 1, 0));
        for (int i = 0; i < hiddenCount; i++) {
            hidden.add(addChildBlock(prefix + "conv" + (i + 2), new BasicConv2d(channels, hiddenKernel,
                    hiddenKernel / 2)));
        }
        output = addChildBlock(prefix + "conv" + (hiddenCount + 2), new BasicConv2d(1, outputKernel,
                outputKernel / 2));
    }

    /** Inputs: {@code (feature, previousLogits, edgeGuidance)}. */
    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray feature = inputs.get(0);
        long height = feature.getShape().get(2);
        long width = feature.getShape().get(3);
        NDArray crop = Bilinear.resize(inputs.get(1), height, width, false);
        NDArray reverse = Activation.sigmoid(crop).mul(-1).add(1);
        NDArray x = apply(projection, store, feature.mul(reverse), training);
        x = x.concat(Bilinear.resize(inputs.get(2), height, width, false), 1);
        for (Block conv : hidden) {
            x = Activation.relu(apply(conv, store, x, training));
        }
        return new NDList(apply(output, store, x, training).add(crop));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape feature = inputShapes[0];
        projection.initialize(manager, dataType, feature);
        long guidanceChannels = inputShapes[2].get(1);
        Shape concatenated = Blocks.withChannels(feature, channels + guidanceChannels);
        for (Block conv : hidden) {
            conv.initialize(manager, dataType, concatenated);
            concatenated = Blocks.withChannels(feature, channels);
        }
        output.initialize(manager, dataType, concatenated);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {Blocks.withChannels(inputShapes[0], 1)};
    }
}
