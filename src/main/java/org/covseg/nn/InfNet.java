package org.covseg.nn;

import static org.covseg.nn.Blocks.apply;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.initializer.XavierInitializer.FactorType;
import ai.djl.training.initializer.XavierInitializer.RandomType;
import ai.djl.util.PairList;
import java.util.Arrays;
import java.util.List;

/**
 * Inf-Net (Fan et al., IEEE TMI 2020) with the Res2Net-50 v1b backbone, as the official
 * {@code InfNet_Res2Net.py}: RFBs on stages 2–4, a partial decoder, an edge branch on stage 1 and reverse attention
 * on stages 4, 3, 2.
 *
 * <p>Input: {@code (N, 3, H, W)} with H and W multiples of 32 (ImageNet-normalised grey slices). The forward pass
 * returns five logits maps {@code (N, 1, H, W)} in the order of {@link InfNetOutput}:
 * {@code map5, map4, map3, map2, edge}. {@code training} selects batch statistics (and running-statistics updates)
 * in every BatchNorm; pass {@code false} for inference.
 *
 * <p>Parameters carry the official state-dict names through {@link StateDict}; weights are initialised as the
 * official code does before loading ImageNet weights (Kaiming normal, fan-out, for the backbone's convolutions,
 * PyTorch's default uniform ±1/√fan-in for the decoder's; biases zero).
 *
 * <p>Intermediate arrays, including the interpolation matrices, live on the input's manager: create each batch's
 * input in a sub-manager and close it when the batch is done.
 */
public final class InfNet extends AbstractBlock {

    /**
     * The last layer of each output head (map5, map4, map3, map2, edge), by state-dict name: self-supervised
     * pre-training trains these as reconstruction layers and leaves them out of the weights it exports.
     */
    public static final List<String> OUTPUT_LAYERS = List.of("ParDec.conv5", "ra4_conv5", "ra3_conv4", "ra2_conv4",
            "edge_conv4");

    private final NetworkSize config;
    private final Res2Net resnet;
    private final Rfb rfb2;
    private final Rfb rfb3;
    private final Rfb rfb4;
    private final PartialDecoder decoder;
    private final ReverseAttention ra4;
    private final ReverseAttention ra3;
    private final ReverseAttention ra2;
    private final EdgeBranch edge;

    public InfNet(NetworkSize config) {
        this.config = config;
        int rfbChannels = config.channels(32);
        resnet = addChildBlock("resnet", new Res2Net(config::channels));
        rfb2 = addChildBlock("rfb2_1", new Rfb(rfbChannels));
        rfb3 = addChildBlock("rfb3_1", new Rfb(rfbChannels));
        rfb4 = addChildBlock("rfb4_1", new Rfb(rfbChannels));
        decoder = addChildBlock("ParDec", new PartialDecoder(rfbChannels));
        ra4 = addChildBlock(StateDict.UNNAMED, new ReverseAttention("ra4_", config.channels(256), 5, 3, 1));
        ra3 = addChildBlock(StateDict.UNNAMED, new ReverseAttention("ra3_", config.channels(64), 3, 2, 3));
        ra2 = addChildBlock(StateDict.UNNAMED, new ReverseAttention("ra2_", config.channels(64), 3, 2, 3));
        edge = addChildBlock(StateDict.UNNAMED, new EdgeBranch(config.channels(64)));
        setInitializer(new XavierInitializer(RandomType.UNIFORM, FactorType.IN, 1), Parameter.Type.WEIGHT);
        resnet.setInitializer(new XavierInitializer(RandomType.GAUSSIAN, FactorType.OUT, 2), Parameter.Type.WEIGHT);
    }

    public NetworkSize config() {
        return config;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        long height = x.getShape().get(2);
        long width = x.getShape().get(3);
        if (height % NetworkSize.STRIDE != 0 || width % NetworkSize.STRIDE != 0) {
            throw new IllegalArgumentException("Inf-Net needs height and width that are multiples of "
                    + NetworkSize.STRIDE + ", got " + x.getShape());
        }
        NDList features = resnet.forward(store, new NDList(x), training);
        NDArray x1 = features.get(0);
        NDArray x2 = features.get(1);
        NDArray x3 = features.get(2);
        NDArray x4 = features.get(3);
        NDList edges = edge.forward(store, new NDList(x1), training);
        NDArray guidance = edges.get(0);
        NDArray global = decoder.forward(store, new NDList(apply(rfb4, store, x4, training),
                apply(rfb3, store, x3, training), apply(rfb2, store, x2, training)), training).singletonOrThrow();
        NDArray stage4 = ra4.forward(store, new NDList(x4, global, guidance), training).singletonOrThrow();
        NDArray stage3 = ra3.forward(store, new NDList(x3, stage4, guidance), training).singletonOrThrow();
        NDArray stage2 = ra2.forward(store, new NDList(x2, stage3, guidance), training).singletonOrThrow();
        NDList maps = new NDList();
        for (NDArray map : new NDArray[] {global, stage4, stage3, stage2, edges.get(1)}) {
            maps.add(Bilinear.resize(map, height, width, false));
        }
        return maps;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        resnet.initialize(manager, dataType, inputShapes);
        Shape[] features = resnet.getOutputShapes(inputShapes);
        Shape[] rfbOut = new Shape[3];
        Rfb[] rfbs = {rfb2, rfb3, rfb4};
        for (int i = 0; i < rfbs.length; i++) {
            rfbs[i].initialize(manager, dataType, features[i + 1]);
            rfbOut[i] = rfbs[i].getOutputShapes(new Shape[] {features[i + 1]})[0];
        }
        Shape[] decoderIn = {rfbOut[2], rfbOut[1], rfbOut[0]};
        decoder.initialize(manager, dataType, decoderIn);
        Shape global = decoder.getOutputShapes(decoderIn)[0];
        edge.initialize(manager, dataType, features[0]);
        Shape guidance = edge.getOutputShapes(new Shape[] {features[0]})[0];
        ra4.initialize(manager, dataType, features[3], global, guidance);
        ra3.initialize(manager, dataType, features[2], global, guidance);
        ra2.initialize(manager, dataType, features[1], global, guidance);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        Shape[] maps = new Shape[InfNetOutput.values().length];
        Arrays.fill(maps, Blocks.withChannels(in, 1));
        return maps;
    }
}
