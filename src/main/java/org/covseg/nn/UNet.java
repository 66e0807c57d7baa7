package org.covseg.nn;

import static org.covseg.nn.Blocks.apply;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.initializer.XavierInitializer.FactorType;
import ai.djl.training.initializer.XavierInitializer.RandomType;
import ai.djl.util.PairList;

/**
 * The bilinear U-Net of the official Inf-Net multi-class code ({@code Inf_Net_UNet}, from milesial's
 * Pytorch-UNet): {@code inc} (DoubleConv), four {@code down}s (2x2 max-pool + DoubleConv) to 64·w, 128·w, 256·w,
 * 512·w and a 512·w bottleneck (the bilinear variant halves the official 1024), four {@code up}s ({@link UNetUp}:
 * bilinear x2 with align_corners=True, concatenate the skip, DoubleConv) back to 64·w, and the head {@code outc}.
 *
 * <p>Input {@code (N, inChannels, H, W)}; output one array {@code (N, classes, H, W)} of logits. Parameters carry
 * the official PyTorch state-dict names through {@link StateDict} ({@code inc.double_conv.0.weight},
 * {@code down1.maxpool_conv.1.double_conv.0.weight}, {@code up1.conv.double_conv.0.weight},
 * {@code outc.conv.weight}). Weights start as PyTorch's default (uniform ±1/√fan-in), biases at zero.
 *
 * <p>The head is a separate child block named {@value #HEAD}, so another head (for instance a reconstruction layer
 * for self-supervised pre-training) can be built around the same body with {@link #UNet(UNetConfig, Block)}.
 */
public final class UNet extends AbstractBlock {

    /** The multi-class network's outputs: background, ground-glass opacity, consolidation. */
    public static final int CLASSES = 3;

    /** The child name of the final 1x1 convolution. */
    public static final String HEAD = "outc";

    private final UNetConfig config;
    private final Block inc;
    private final Block[] downs = new Block[4];
    private final Block[] ups = new Block[4];
    private final Block head;

    /** The multi-class network: a 1x1 convolution to {@value #CLASSES} logits as head. */
    public UNet(UNetConfig config) {
        this(config, outConv(CLASSES));
    }

    /** The U-Net body with {@code head} (one input of 64·width channels at full resolution) as {@value #HEAD}. */
    public UNet(UNetConfig config, Block head) {
        this.config = config;
        int[] widths = {config.channels(64), config.channels(128), config.channels(256), config.channels(512)};
        inc = addChildBlock("inc", new DoubleConv(widths[0]));
        for (int i = 0; i < 4; i++) {
            downs[i] = addChildBlock("down" + (i + 1), down(widths[Math.min(i + 1, 3)]));
        }
        // up_i takes the bottleneck or the previous up (as wide as its skip) concatenated with the skip
        for (int i = 0; i < 4; i++) {
            int skip = widths[3 - i];
            int out = widths[Math.max(2 - i, 0)];
            ups[i] = addChildBlock("up" + (i + 1), new UNetUp(2 * skip, out));
        }
        this.head = addChildBlock(HEAD, head);
        setInitializer(new XavierInitializer(RandomType.UNIFORM, FactorType.IN, 1), Parameter.Type.WEIGHT);
    }

    /** The official {@code OutConv}: a 1x1 convolution with bias, its parameters under {@code conv}. */
    public static Block outConv(int outChannels) {
        return new NamedSequential().add("conv", Conv2d.builder().setFilters(outChannels)
                .setKernelShape(new Shape(1, 1)).build());
    }

    private static Block down(int out) {
        return new NamedSequential().add("maxpool_conv", new NamedSequential()
                .add("0", Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                .add("1", new DoubleConv(out)));
    }

    public UNetConfig config() {
        return config;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray[] skips = new NDArray[5];
        skips[0] = apply(inc, store, inputs.singletonOrThrow(), training);
        for (int i = 0; i < 4; i++) {
            skips[i + 1] = apply(downs[i], store, skips[i], training);
        }
        NDArray x = skips[4];
        for (int i = 0; i < 4; i++) {
            x = ups[i].forward(store, new NDList(x, skips[3 - i]), training).singletonOrThrow();
        }
        return head.forward(store, new NDList(x), training);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape[] skips = new Shape[5];
        skips[0] = Blocks.initialize(inc, manager, dataType, inputShapes[0]);
        for (int i = 0; i < 4; i++) {
            skips[i + 1] = Blocks.initialize(downs[i], manager, dataType, skips[i]);
        }
        Shape x = skips[4];
        for (int i = 0; i < 4; i++) {
            ups[i].initialize(manager, dataType, x, skips[3 - i]);
            x = ups[i].getOutputShapes(new Shape[] {x, skips[3 - i]})[0];
        }
        head.initialize(manager, dataType, x);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        Shape features = Blocks.withChannels(in, config.channels(64));
        return head.getOutputShapes(new Shape[] {features});
    }
}
