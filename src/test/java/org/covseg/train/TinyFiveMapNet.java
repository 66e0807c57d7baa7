package org.covseg.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A stand-in for Inf-Net with the same contract: five N×1×H×W logit maps at input size, [map5, map4, map3, map2,
 * edge]. A 3x3 conv, BatchNorm (so checkpoints must carry running statistics), ReLU and a 1x1 conv to 5 channels.
 */
final class TinyFiveMapNet extends AbstractBlock {

    private final Block conv;
    private final Block norm;
    private final Block head;

    TinyFiveMapNet() {
        conv = addChildBlock("conv", Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
                .setFilters(4).build());
        norm = addChildBlock("norm", BatchNorm.builder().build());
        head = addChildBlock("head", Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(5).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDList x = norm.forward(store, conv.forward(store, inputs, training), training);
        x = new NDList(Activation.relu(x.singletonOrThrow()));
        return head.forward(store, x, training).singletonOrThrow().split(5, 1);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        Shape map = new Shape(inputs[0].get(0), 1, inputs[0].get(2), inputs[0].get(3));
        return new Shape[] {map, map, map, map, map};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        conv.initialize(manager, dataType, inputShapes);
        Shape[] features = conv.getOutputShapes(inputShapes);
        norm.initialize(manager, dataType, features);
        head.initialize(manager, dataType, features);
    }
}
