package org.covseg.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

/** Small conveniences for blocks with one input and one output. */
final class Blocks {

    private Blocks() {
    }

    static NDArray apply(Block block, ParameterStore store, NDArray x, boolean training) {
        return block.forward(store, new NDList(x), training).singletonOrThrow();
    }

    /** Initialises {@code block} for {@code input} and returns its output shape. */
    static Shape initialize(Block block, NDManager manager, DataType dataType, Shape input) {
        block.initialize(manager, dataType, input);
        return outputShape(block, input);
    }

    static Shape outputShape(Block block, Shape input) {
        return block.getOutputShapes(new Shape[] {input})[0];
    }

    /** The shape {@code (N, channels, H, W)} of {@code like} with its channel count replaced. */
    static Shape withChannels(Shape like, long channels) {
        return new Shape(like.get(0), channels, like.get(2), like.get(3));
    }
}
