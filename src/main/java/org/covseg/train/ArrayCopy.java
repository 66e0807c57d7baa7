package org.covseg.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;

/** Copies values into an existing array in place (keeping its identity, manager and gradient flag). */
final class ArrayCopy {

    private static final NDIndex ALL = new NDIndex("...");

    private ArrayCopy() {
    }

    static void into(NDArray source, NDArray target, String name) {
        if (!source.getShape().equals(target.getShape()) || source.getDataType() != target.getDataType()) {
            throw new IllegalArgumentException(name + ": expected " + target.getDataType() + " " + target.getShape()
                    + ", got " + source.getDataType() + " " + source.getShape());
        }
        target.set(ALL, source);
    }
}
