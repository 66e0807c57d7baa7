package org.covseg.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.initializer.XavierInitializer.FactorType;
import ai.djl.training.initializer.XavierInitializer.RandomType;
import ai.djl.util.PairList;
import java.io.IOException;
import java.nio.file.Path;
import org.covseg.io.SafetensorsReader;

/**
 * A slice-level COVID-19 classifier: Inf-Net's Res2Net-50 v1b backbone ({@code resnet.*}, the same names and widths
 * as in an {@link InfNet} of the same {@link NetworkSize}, so Inf-Net weights load into it), global average pooling
 * of the last stage, dropout, and a linear layer to one logit ({@code classifier.weight}, {@code classifier.bias}).
 *
 * <p>Input {@code (N, 3, H, W)} as for Inf-Net; output {@code (N, 1)} logits, σ(logit) = P(COVID-19).
 * Initialised as Inf-Net: Kaiming normal (fan-out) in the backbone, PyTorch's default ±1/√fan-in for the head.
 */
public final class DetectionNet extends AbstractBlock {

    /** The dropout rate before the linear layer used when none is given. */
    public static final float DEFAULT_DROPOUT = 0.5f;

    /** The state-dict prefix of the backbone, in Inf-Net and here. */
    public static final String BACKBONE_PREFIX = "resnet.";

    private final NetworkSize config;
    private final Res2Net resnet;
    private final Dropout dropout;
    private final Linear classifier;

    public DetectionNet(NetworkSize config) {
        this(config, DEFAULT_DROPOUT);
    }

    /** @param dropoutRate the share of pooled features zeroed while training */
    public DetectionNet(NetworkSize config, float dropoutRate) {
        if (!(dropoutRate >= 0 && dropoutRate < 1)) {
            throw new IllegalArgumentException("dropout rate must be in [0, 1), got " + dropoutRate);
        }
        this.config = config;
        resnet = addChildBlock("resnet", new Res2Net(config::channels));
        dropout = addChildBlock("dropout", Dropout.builder().optRate(dropoutRate).build());
        classifier = addChildBlock("classifier", Linear.builder().setUnits(1).build());
        setInitializer(new XavierInitializer(RandomType.UNIFORM, FactorType.IN, 1), Parameter.Type.WEIGHT);
        resnet.setInitializer(new XavierInitializer(RandomType.GAUSSIAN, FactorType.OUT, 2), Parameter.Type.WEIGHT);
    }

    public NetworkSize config() {
        return config;
    }

    /** The backbone, whose state dict is the {@code resnet.*} part of this network's (and of an Inf-Net's). */
    public Res2Net backbone() {
        return resnet;
    }

    /**
     * Loads the backbone from the {@code resnet.*} entries of a safetensors state dict (an Inf-Net's, from
     * segmentation training or self-supervised pre-training, or a detection model's) of the same width; the
     * classifier keeps its initial weights.
     */
    public void loadBackbone(Path stateDict) throws IOException {
        StateDict.of(resnet).loadPrefixed(SafetensorsReader.read(stateDict), BACKBONE_PREFIX, stateDict.toString());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDList features = resnet.forward(store, inputs, training);
        NDArray pooled = Pool.globalAvgPool2d(features.get(features.size() - 1));
        NDList dropped = dropout.forward(store, new NDList(pooled), training);
        return classifier.forward(store, dropped, training);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        resnet.initialize(manager, dataType, inputShapes);
        Shape[] features = resnet.getOutputShapes(inputShapes);
        Shape pooled = new Shape(inputShapes[0].get(0), features[features.length - 1].get(1));
        dropout.initialize(manager, dataType, pooled);
        classifier.initialize(manager, dataType, pooled);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), 1)};
    }
}
