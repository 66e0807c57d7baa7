package org.covseg.train;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.LinkedHashMap;
import java.util.Map;

/** A model's parameter arrays by their unique DJL parameter path, in the model's order. */
public final class ModelArrays {

    private ModelArrays() {
    }

    /** Every parameter, trainable or not (BatchNorm running statistics included): what a checkpoint holds. */
    public static Map<String, NDArray> all(Block model) {
        Map<String, NDArray> arrays = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : model.getParameters()) {
            arrays.put(p.getKey(), p.getValue().getArray());
        }
        return arrays;
    }

    /** The parameters the optimiser updates. */
    public static Map<String, NDArray> trainable(Block model) {
        Map<String, NDArray> arrays = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : model.getParameters()) {
            if (p.getValue().requiresGradient()) {
                arrays.put(p.getKey(), p.getValue().getArray());
            }
        }
        return arrays;
    }
}
