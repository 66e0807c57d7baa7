package org.covseg.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** A file format for named arrays (model weights, optimiser state). Writes must be atomic. */
public interface TensorFile {

    /** The file name extension, with its dot. */
    String extension();

    void write(Path file, Map<String, NDArray> arrays) throws IOException;

    /** The arrays in the file, in file order, created in {@code manager}. */
    Map<String, NDArray> read(Path file, NDManager manager) throws IOException;
}
