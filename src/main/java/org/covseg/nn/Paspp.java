package org.covseg.nn;

import static org.covseg.nn.Blocks.apply;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * COVID-SegNet's Progressive Atrous Spatial Pyramid Pooling, as read from the paper's description
 * (docs/architectures.md): four 1x1 convolutions C→C/4 ({@code p1..p4}); 3x3 atrous convolutions with dilation 1, 2,
 * 4, 8 on them ({@code d1..d4}); progressive sums {@code d1+p1+p2, d2+p1+p2, d3+p3+p4, d4+p3+p4}; each pair
 * concatenated and fused by a 1x1 convolution to C/2; both halves concatenated and fused by a 1x1 convolution to C.
 * Every convolution is followed by BN and ReLU. The size and channel count do not change.
 */
final class Paspp extends AbstractBlock {

    static final int[] DILATIONS = {1, 2, 4, 8};

    private final Block[] reduce = new Block[DILATIONS.length];
    private final Block[] atrous = new Block[DILATIONS.length];
    private final Block fuseLow;
    private final Block fuseHigh;
    private final Block out;

    Paspp(int channels) {
        int quarter = Math.max(1, channels / 4);
        int half = Math.max(1, channels / 2);
        for (int i = 0; i < DILATIONS.length; i++) {
            reduce[i] = addChildBlock("p" + (i + 1), new ConvBnRelu(quarter, 1, 1));
        }
        for (int i = 0; i < DILATIONS.length; i++) {
            atrous[i] = addChildBlock("d" + (i + 1), new ConvBnRelu(quarter, 3, DILATIONS[i]));
        }
        fuseLow = addChildBlock("fuse12", new ConvBnRelu(half, 1, 1));
        fuseHigh = addChildBlock("fuse34", new ConvBnRelu(half, 1, 1));
        out = addChildBlock("out", new ConvBnRelu(channels, 1, 1));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray[] p = new NDArray[DILATIONS.length];
        NDArray[] d = new NDArray[DILATIONS.length];
        for (int i = 0; i < DILATIONS.length; i++) {
            p[i] = apply(reduce[i], store, x, training);
            d[i] = apply(atrous[i], store, p[i], training);
        }
        NDArray low = p[0].add(p[1]);
        NDArray high = p[2].add(p[3]);
        NDArray fusedLow = apply(fuseLow, store, d[0].add(low).concat(d[1].add(low), 1), training);
        NDArray fusedHigh = apply(fuseHigh, store, d[2].add(high).concat(d[3].add(high), 1), training);
        return out.forward(store, new NDList(fusedLow.concat(fusedHigh, 1)), training);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        Shape quarter = null;
        for (int i = 0; i < DILATIONS.length; i++) {
            quarter = Blocks.initialize(reduce[i], manager, dataType, in);
            atrous[i].initialize(manager, dataType, quarter);
        }
        Shape pair = Blocks.withChannels(quarter, 2 * quarter.get(1));
        Shape half = Blocks.initialize(fuseLow, manager, dataType, pair);
        fuseHigh.initialize(manager, dataType, pair);
        out.initialize(manager, dataType, Blocks.withChannels(half, 2 * half.get(1)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
