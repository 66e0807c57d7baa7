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
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.initializer.XavierInitializer.FactorType;
import ai.djl.training.initializer.XavierInitializer.RandomType;
import ai.djl.util.PairList;

/**
 * A 2-D re-implementation of COVID-SegNet (Yan et al., IEEE Trans. Big Data 2021) from the paper's description;
 * the authors published no code and the paper's exact layer list was not available, so this is our documented
 * reading (docs/architectures.md), not the authors' network.
 *
 * <p>Encoder at 64, 128, 256, 512 channels (times the width): {@code stage0} a {@link ResidualBlock};
 * {@code stage1} and {@code stage2} a {@link FeatureVariation} block then a residual block; {@code stage3} a
 * Feature Variation block then {@link Paspp}. Each {@code down<i>} halves the size with a 2x2 average pool and a 1x1
 * convolution + BN + ReLU (a 1x1 stride-2 convolution would be the same size change, but its backward pass crashes
 * oneDNN on these CPUs). Decoder {@code up3, up2, up1} ({@link CovidSegNetUp}): 2x2 transposed convolution,
 * concatenate the encoder's skip, residual block. Head {@value #HEAD}: a 1x1 convolution to one logit map.
 *
 * <p>Input {@code (N, 3, H, W)} with H and W multiples of {@value #STRIDE}; output one {@code (N, 1, H, W)} logit
 * map. Weights start as PyTorch's default (uniform ±1/√fan-in), biases at zero.
 */
public final class CovidSegNet extends AbstractBlock {

    /** The child name of the final 1x1 convolution. */
    public static final String HEAD = "outc";

    /** Three halvings: sizes must be multiples of this. */
    public static final int STRIDE = 8;

    private static final int[] OFFICIAL_WIDTHS = {64, 128, 256, 512};

    private final Block[] encoder = new Block[4];
    private final Block[] downs = new Block[3];
    private final Block[] ups = new Block[3];
    private final Block head;

    public CovidSegNet(double width) {
        NetworkWidth.require("COVID-SegNet", width);
        int[] c = new int[OFFICIAL_WIDTHS.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = NetworkWidth.channels(OFFICIAL_WIDTHS[i], width);
        }
        encoder[0] = addChildBlock("stage0", new ResidualBlock(c[0], 1, true));
        for (int i = 1; i <= 3; i++) {
            downs[i - 1] = addChildBlock("down" + i, down(c[i]));
            NamedSequential stage = new NamedSequential().add("fv", new FeatureVariation(c[i]));
            stage.add(i < 3 ? "res" : "paspp", i < 3 ? new ResidualBlock(c[i], 1, false) : new Paspp(c[i]));
            encoder[i] = addChildBlock("stage" + i, stage);
        }
        for (int i = 3; i >= 1; i--) {
            ups[i - 1] = addChildBlock("up" + i, new CovidSegNetUp(c[i - 1]));
        }
        head = addChildBlock(HEAD, UNet.outConv(1));
        setInitializer(new XavierInitializer(RandomType.UNIFORM, FactorType.IN, 1), Parameter.Type.WEIGHT);
    }

    private static Block down(int out) {
        Shape window = new Shape(2, 2);
        return new NamedSequential().add("pool", Pool.avgPool2dBlock(window, window))
                .add("conv", new ConvBnRelu(out, 1, 1));
    }

    /** Throws IllegalArgumentException unless {@code size} is a positive multiple of {@value #STRIDE}. */
    public static void requireSize(int size) {
        if (size <= 0 || size % STRIDE != 0) {
            throw new IllegalArgumentException("COVID-SegNet input size must be a positive multiple of " + STRIDE
                    + ", got " + size);
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        requireSize(Math.toIntExact(x.getShape().get(2)));
        requireSize(Math.toIntExact(x.getShape().get(3)));
        NDArray[] skips = new NDArray[4];
        skips[0] = apply(encoder[0], store, x, training);
        for (int i = 1; i <= 3; i++) {
            skips[i] = apply(encoder[i], store, apply(downs[i - 1], store, skips[i - 1], training), training);
        }
        NDArray y = skips[3];
        for (int i = 3; i >= 1; i--) {
            y = ups[i - 1].forward(store, new NDList(y, skips[i - 1]), training).singletonOrThrow();
        }
        return head.forward(store, new NDList(y), training);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape[] skips = new Shape[4];
        skips[0] = Blocks.initialize(encoder[0], manager, dataType, inputShapes[0]);
        for (int i = 1; i <= 3; i++) {
            skips[i] = Blocks.initialize(encoder[i], manager, dataType,
                    Blocks.initialize(downs[i - 1], manager, dataType, skips[i - 1]));
        }
        Shape y = skips[3];
        for (int i = 3; i >= 1; i--) {
            ups[i - 1].initialize(manager, dataType, y, skips[i - 1]);
            y = ups[i - 1].getOutputShapes(new Shape[] {y, skips[i - 1]})[0];
        }
        head.initialize(manager, dataType, y);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {Blocks.withChannels(inputShapes[0], 1)};
    }
}
