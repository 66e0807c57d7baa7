package org.covseg.nn;

import static org.covseg.nn.Blocks.apply;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Inf-Net's parallel partial decoder ({@code aggregation}, registered as {@code ParDec}). Inputs are the RFB outputs
 * of stages 4, 3, 2 (coarse to fine, {@code c} channels each); every upsampling is x2 bilinear with
 * {@code align_corners=True}. Output: one logits channel at the size of the stage-2 input.
 */
public final class PartialDecoder extends AbstractBlock {

    private final int channels;
    private final Block upsample1;
    private final Block upsample2;
    private final Block upsample3;
    private final Block upsample4;
    private final Block upsample5;
    private final Block concat2;
    private final Block concat3;
    private final Block conv4;
    private final Block conv5;

    public PartialDecoder(int channels) {
        this.channels = channels;
        upsample1 = addChildBlock("conv_upsample1", new BasicConv2d(channels, 3, 1));
        upsample2 = addChildBlock("conv_upsample2", new BasicConv2d(channels, 3, 1));
        upsample3 = addChildBlock("conv_upsample3", new BasicConv2d(channels, 3, 1));
        upsample4 = addChildBlock("conv_upsample4", new BasicConv2d(channels, 3, 1));
        upsample5 = addChildBlock("conv_upsample5", new BasicConv2d(2 * channels, 3, 1));
        concat2 = addChildBlock("conv_concat2", new BasicConv2d(2 * channels, 3, 1));
        concat3 = addChildBlock("conv_concat3", new BasicConv2d(3 * channels, 3, 1));
        conv4 = addChildBlock("conv4", new BasicConv2d(3 * channels, 3, 1));
        conv5 = addChildBlock("conv5", Conv2d.builder().setFilters(1).setKernelShape(new Shape(1, 1)).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x1 = inputs.get(0);
        NDArray x2 = inputs.get(1);
        NDArray x3 = inputs.get(2);
        NDArray x1Up = up(x1);
        NDArray x2One = apply(upsample1, store, x1Up, training).mul(x2);
        NDArray x3One = apply(upsample2, store, up(x1Up), training)
                .mul(apply(upsample3, store, up(x2), training))
                .mul(x3);
        NDArray x2Two = apply(concat2, store, x2One.concat(apply(upsample4, store, x1Up, training), 1), training);
        NDArray x3Two = apply(concat3, store,
                x3One.concat(apply(upsample5, store, up(x2Two), training), 1), training);
        return new NDList(apply(conv5, store, apply(conv4, store, x3Two, training), training));
    }

    private static NDArray up(NDArray x) {
        Shape s = x.getShape();
        return Bilinear.resize(x, 2 * s.get(2), 2 * s.get(3), true);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape middle = inputShapes[1];
        Shape fine = inputShapes[2];
        for (Block b : new Block[] {upsample1, upsample2, upsample3, upsample4}) {
            b.initialize(manager, dataType, Blocks.withChannels(fine, channels));
        }
        upsample5.initialize(manager, dataType, Blocks.withChannels(middle, 2L * channels));
        concat2.initialize(manager, dataType, Blocks.withChannels(middle, 2L * channels));
        concat3.initialize(manager, dataType, Blocks.withChannels(fine, 3L * channels));
        conv4.initialize(manager, dataType, Blocks.withChannels(fine, 3L * channels));
        conv5.initialize(manager, dataType, Blocks.withChannels(fine, 3L * channels));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {Blocks.withChannels(inputShapes[2], 1)};
    }
}
