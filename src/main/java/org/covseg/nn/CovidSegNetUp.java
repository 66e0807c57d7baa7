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
 * A COVID-SegNet decoder stage: a 2x2 stride-2 transposed convolution doubles the size of the coarse features and
 * brings them to the skip's width, then {@code [skip, up]} is concatenated and a {@link ResidualBlock} reduces it
 * back to that width. Inputs: {@code (coarse, skip)}; the skip's size must be twice the coarse one.
 *
 * <p>DJL 0.36's PyTorch engine does not implement transposed convolution, so it is computed exactly as what it is
 * for a 2x2 kernel with stride 2: every input pixel writes its own 2x2 output cell, i.e. a 1x1 convolution to
 * {@code 4·out} channels (one per kernel position) followed by depth-to-space. No bias: the residual block's batch
 * normalisations absorb it.
 */
final class CovidSegNetUp extends AbstractBlock {

    private final int out;
    private final Block upconv;
    private final Block residual;

    CovidSegNetUp(int out) {
        this.out = out;
        upconv = addChildBlock("upconv", new NamedSequential().add("conv", Layers.conv(4 * out, 1, 1, 0)));
        residual = addChildBlock("res", new ResidualBlock(out, 1, true));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray up = depthToSpace(apply(upconv, store, inputs.get(0), training), out);
        return residual.forward(store, new NDList(inputs.get(1).concat(up, 1)), training);
    }

    /** {@code (N, 4·C, H, W)} with channel {@code 4c + 2a + b} → {@code (N, C, 2H, 2W)} at {@code (2i + a, 2j + b)}. */
    static NDArray depthToSpace(NDArray x, int channels) {
        Shape s = x.getShape();
        long n = s.get(0);
        long h = s.get(2);
        long w = s.get(3);
        return x.reshape(n, channels, 2, 2, h, w).transpose(0, 1, 4, 2, 5, 3).reshape(n, channels, 2 * h, 2 * w);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        upconv.initialize(manager, dataType, inputShapes[0]);
        residual.initialize(manager, dataType, joined(inputShapes[1]));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return residual.getOutputShapes(new Shape[] {joined(inputShapes[1])});
    }

    private Shape joined(Shape skip) {
        return Blocks.withChannels(skip, skip.get(1) + out);
    }
}
