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
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;

/**
 * The coach of self-supervised inpainting (Singh et al., BMVC 2018): a ResNet-18 trunk without its max-pool
 * (total stride 16), 1x1 convolutions to a mean and a log-variance, a reparameterised sample (the mean when not
 * training), and a 1x1 convolution to one logit per 16x16 cell. Channels are ResNet-18's 64..512 times
 * {@code width}; the latent has {@code 100·width} channels (at least 8).
 *
 * <p>Input: {@code (N, 3, H, W)} with H and W multiples of 16. Output: {@code [logits (N,1,H/16,W/16), mean,
 * logVariance]}. The latent is sampled when training, or when {@link #SAMPLE} is passed as the forward's
 * parameters (batch normalisation then still uses its running statistics); the noise comes from the engine's
 * random generator (seed it with {@code Engine.setRandomSeed}).
 */
public final class Coach extends AbstractBlock {

    public static final int CELL = 16;
    /** Forward parameters that sample the latent without training (masks drawn for the inpainter). */
    public static final PairList<String, Object> SAMPLE = new PairList<>(java.util.List.of("sample"),
            java.util.List.of(Boolean.TRUE));
    private static final int[] STAGE_CHANNELS = {64, 128, 256, 512};
    private static final int LATENT = 100;

    private final NamedSequential trunk = new NamedSequential();
    private final Block mean;
    private final Block logVariance;
    private final Block logit;

    public Coach(double width) {
        int stem = scaled(STAGE_CHANNELS[0], width);
        trunk.add("conv1", Layers.conv(stem, 7, 2, 3)).add("bn1", Layers.batchNorm())
                .add("relu", Activation.reluBlock());
        int channels = stem;
        for (int stage = 0; stage < STAGE_CHANNELS.length; stage++) {
            int out = scaled(STAGE_CHANNELS[stage], width);
            int stride = stage == 0 ? 1 : 2;
            trunk.add("layer" + (stage + 1) + ".0", new ResidualBlock(out, stride, stride > 1 || out != channels));
            trunk.add("layer" + (stage + 1) + ".1", new ResidualBlock(out, 1, false));
            channels = out;
        }
        addChildBlock("trunk", trunk);
        int latent = Math.max(8, (int) Math.round(LATENT * width));
        mean = addChildBlock("mu", pointwise(latent));
        logVariance = addChildBlock("logvar", pointwise(latent));
        // Starting at log σ² = 0 keeps the first samples near the mean: with random weights the log-variance of
        // 100 summed features reaches ~20, exp() of it swamps both the sample and the KL term.
        logVariance.setInitializer(new ConstantInitializer(0), Parameter.Type.WEIGHT);
        logit = addChildBlock("logit", pointwise(1));
    }

    private static int scaled(int channels, double width) {
        return Math.max(4, (int) Math.round(channels * width));
    }

    private static Block pointwise(int channels) {
        return Conv2d.builder().setFilters(channels).setKernelShape(new Shape(1, 1)).build();
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        if (x.getShape().get(2) % CELL != 0 || x.getShape().get(3) % CELL != 0) {
            throw new IllegalArgumentException("the coach needs height and width that are multiples of " + CELL
                    + ", got " + x.getShape());
        }
        NDArray features = apply(trunk, store, x, training);
        NDArray mu = apply(mean, store, features, training);
        NDArray logVar = apply(logVariance, store, features, training);
        NDArray z = mu;
        if (training || params != null && params.contains("sample")) {
            NDArray noise = x.getManager().randomNormal(mu.getShape());
            z = mu.add(noise.mul(logVar.mul(0.5).exp()));
        }
        return new NDList(apply(logit, store, z, training), mu, logVar);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape features = Blocks.initialize(trunk, manager, dataType, inputShapes[0]);
        Shape latent = Blocks.initialize(mean, manager, dataType, features);
        logVariance.initialize(manager, dataType, features);
        logit.initialize(manager, dataType, latent);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape features = Blocks.outputShape(trunk, inputShapes[0]);
        Shape latent = Blocks.outputShape(mean, features);
        return new Shape[] {Blocks.withChannels(latent, 1), latent, latent};
    }
}
