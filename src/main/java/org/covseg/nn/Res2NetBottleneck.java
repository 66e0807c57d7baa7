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
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * Res2Net's bottleneck ({@code Bottle2neck}, v1b): a 1x1 convolution to {@code width·scale} channels, split into
 * {@code scale} groups; groups 1..scale−1 each pass a 3x3 convolution + BN + ReLU, each after adding the previous
 * group's result; the last group is passed through. In the first block of a stage ({@code stype='stage'}) the groups
 * are not chained, the 3x3 convolutions carry the block's stride and the last group goes through a 3x3 average pool
 * (padding 1, padding counted in the divisor, as PyTorch's default). Then concatenation, 1x1 convolution to
 * {@code planes·4}, BN, the residual (through {@link #downsample} when present) and ReLU.
 */
final class Res2NetBottleneck extends AbstractBlock {

    static final int EXPANSION = 4;
    static final int BASE_WIDTH = 26;
    static final int SCALE = 4;

    private final int width;
    private final int stride;
    private final boolean firstOfStage;
    private final Block conv1;
    private final Block bn1;
    private final List<Block> convs = new ArrayList<>();
    private final List<Block> bns = new ArrayList<>();
    private final Block conv3;
    private final Block bn3;
    private final Block downsample;

    /**
     * @param planes the stage's planes (output is {@code planes·4} channels)
     * @param stride the stride of the 3x3 convolutions and the downsample (first block of a stage only)
     * @param firstOfStage whether this is the first block of its stage ({@code stype='stage'})
     * @param withDownsample whether the residual needs the downsample path (channels or size change)
     */
    Res2NetBottleneck(int planes, int stride, boolean firstOfStage, boolean withDownsample) {
        this.width = planes * BASE_WIDTH / 64;
        this.stride = stride;
        this.firstOfStage = firstOfStage;
        conv1 = addChildBlock("conv1", Layers.conv(width * SCALE, 1, 1, 0));
        bn1 = addChildBlock("bn1", Layers.batchNorm());
        for (int i = 0; i < SCALE - 1; i++) {
            convs.add(addChildBlock("convs." + i, Layers.conv(width, 3, stride, 1)));
        }
        for (int i = 0; i < SCALE - 1; i++) {
            bns.add(addChildBlock("bns." + i, Layers.batchNorm()));
        }
        conv3 = addChildBlock("conv3", Layers.conv(planes * EXPANSION, 1, 1, 0));
        bn3 = addChildBlock("bn3", Layers.batchNorm());
        downsample = withDownsample ? addChildBlock("downsample", downsample(planes * EXPANSION, stride)) : null;
    }

    /**
     * The v1b downsample: average pool with kernel and stride {@code stride} (ceil mode, padding not counted) and
     * a 1x1 convolution with stride 1 + BN, named {@code 0, 1, 2} as the official {@code nn.Sequential}. It also
     * avoids the 1x1 stride-2 convolution whose backward pass crashes oneDNN on these CPUs.
     *
     * <p>DJL's PyTorch engine ignores {@code countIncludePad=false} (it always counts padding), which does not
     * matter here: without padding, PyTorch divides a partial ceil-mode window by its in-bounds size either way.
     */
    private static Block downsample(int outChannels, int stride) {
        Shape window = new Shape(stride, stride);
        return new NamedSequential()
                .add("0", Pool.avgPool2dBlock(window, window, new Shape(0, 0), true, false))
                .add("1", Layers.conv(outChannels, 1, 1, 0))
                .add("2", Layers.batchNorm());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray out = Activation.relu(apply(bn1, store, apply(conv1, store, x, training), training));
        long[] splits = new long[SCALE - 1];
        for (int i = 0; i < splits.length; i++) {
            splits[i] = (long) (i + 1) * width;
        }
        NDList groups = out.split(splits, 1);
        NDList results = new NDList();
        NDArray group = null;
        for (int i = 0; i < SCALE - 1; i++) {
            group = i == 0 || firstOfStage ? groups.get(i) : group.add(groups.get(i));
            group = Activation.relu(apply(bns.get(i), store, apply(convs.get(i), store, group, training), training));
            results.add(group);
        }
        NDArray last = groups.get(SCALE - 1);
        if (firstOfStage) {
            last = Pool.avgPool2d(last, new Shape(3, 3), new Shape(stride, stride), new Shape(1, 1), false, true);
        }
        results.add(last);
        out = apply(bn3, store, apply(conv3, store, NDArrays.concat(results, 1), training), training);
        NDArray residual = downsample == null ? x : apply(downsample, store, x, training);
        return new NDList(Activation.relu(out.add(residual)));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape input = inputShapes[0];
        Shape expanded = Blocks.initialize(conv1, manager, dataType, input);
        bn1.initialize(manager, dataType, expanded);
        Shape group = Blocks.withChannels(expanded, width);
        for (int i = 0; i < SCALE - 1; i++) {
            Shape convolved = Blocks.initialize(convs.get(i), manager, dataType, group);
            bns.get(i).initialize(manager, dataType, convolved);
        }
        Shape concatenated = Blocks.withChannels(Blocks.outputShape(convs.get(0), group), (long) width * SCALE);
        bn3.initialize(manager, dataType, Blocks.initialize(conv3, manager, dataType, concatenated));
        if (downsample != null) {
            downsample.initialize(manager, dataType, input);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape group = Blocks.withChannels(inputShapes[0], width);
        Shape concatenated = Blocks.withChannels(Blocks.outputShape(convs.get(0), group), (long) width * SCALE);
        return conv3.getOutputShapes(new Shape[] {concatenated});
    }
}
