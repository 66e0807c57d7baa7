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
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * The Res2Net-50 v1b 26w·4s backbone. Stem: 3x3 convolutions 3→32 (stride 2), 32→32, 32→64 with BN + ReLU between
 * them ({@code conv1.0..6}), then {@code bn1}, ReLU and a 3x3 max pool with stride 2; then four stages of
 * [3, 4, 6, 3] {@link Res2NetBottleneck}s with planes 64, 128, 256, 512 and strides 1, 2, 2, 2.
 *
 * <p>The forward pass returns the four stage outputs {@code (x1, x2, x3, x4)}: 256, 512, 1024 and 2048 channels at
 * 1/4, 1/8, 1/16 and 1/32 of the input size. The ImageNet classifier {@code fc} is kept, frozen and unused, only so
 * that official state dicts import and export unchanged (its 2,049,000 weights are part of Inf-Net's published
 * parameter count).
 */
public final class Res2Net extends AbstractBlock {

    private static final int[] BLOCKS = {3, 4, 6, 3};
    private static final int[] PLANES = {64, 128, 256, 512};
    private static final int IMAGENET_CLASSES = 1000;

    private final Block stem;
    private final Block bn1;
    private final List<Block> layers = new ArrayList<>();
    private final Block fc;
    private final int outChannels;

    /** @param channels maps an official channel count to this network's (identity for the official width) */
    public Res2Net(IntUnaryOperator channels) {
        int stemWidth = channels.applyAsInt(32);
        int stemOut = channels.applyAsInt(64);
        stem = addChildBlock("conv1", new NamedSequential()
                .add("0", Layers.conv(stemWidth, 3, 2, 1))
                .add("1", Layers.batchNorm())
                .add("2", Activation.reluBlock())
                .add("3", Layers.conv(stemWidth, 3, 1, 1))
                .add("4", Layers.batchNorm())
                .add("5", Activation.reluBlock())
                .add("6", Layers.conv(stemOut, 3, 1, 1)));
        bn1 = addChildBlock("bn1", Layers.batchNorm());
        int inPlanes = stemOut;
        for (int stage = 0; stage < BLOCKS.length; stage++) {
            int planes = channels.applyAsInt(PLANES[stage]);
            int stride = stage == 0 ? 1 : 2;
            NamedSequential layer = new NamedSequential();
            for (int b = 0; b < BLOCKS[stage]; b++) {
                boolean first = b == 0;
                boolean withDownsample = first && (stride != 1 || inPlanes != planes * Res2NetBottleneck.EXPANSION);
                layer.add(String.valueOf(b), new Res2NetBottleneck(planes, first ? stride : 1, first, withDownsample));
                inPlanes = planes * Res2NetBottleneck.EXPANSION;
            }
            layers.add(addChildBlock("layer" + (stage + 1), layer));
        }
        outChannels = inPlanes;
        fc = addChildBlock("fc", Linear.builder().setUnits(IMAGENET_CLASSES).build());
        fc.freezeParameters(true);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = apply(bn1, store, apply(stem, store, inputs.singletonOrThrow(), training), training);
        x = Pool.maxPool2d(Activation.relu(x), new Shape(3, 3), new Shape(2, 2), new Shape(1, 1), false);
        NDList features = new NDList();
        for (Block layer : layers) {
            x = apply(layer, store, x, training);
            features.add(x);
        }
        return features;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape shape = Blocks.initialize(stem, manager, dataType, inputShapes[0]);
        bn1.initialize(manager, dataType, shape);
        shape = pooled(shape);
        for (Block layer : layers) {
            shape = Blocks.initialize(layer, manager, dataType, shape);
        }
        fc.initialize(manager, dataType, new Shape(1, outChannels));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape shape = pooled(Blocks.outputShape(stem, inputShapes[0]));
        Shape[] features = new Shape[layers.size()];
        for (int i = 0; i < features.length; i++) {
            shape = Blocks.outputShape(layers.get(i), shape);
            features[i] = shape;
        }
        return features;
    }

    /** The shape after the stem's 3x3 max pool with stride 2 and padding 1. */
    private static Shape pooled(Shape s) {
        return new Shape(s.get(0), s.get(1), (s.get(2) - 1) / 2 + 1, (s.get(3) - 1) / 2 + 1);
    }
}
