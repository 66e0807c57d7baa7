package org.covseg.experiment;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;

/**
 * Command-line values that replace the config's: the output folder, the data, the number of folds, and training
 * keys applied to every cell (after the cells' own keys). Null means "as the config says".
 */
public record Overrides(Path out, Path data, Integer folds, Integer epochs, Double width, Integer size,
                        Integer batchSize, Integer threads) {

    public static final Overrides NONE = new Overrides(null, null, null, null, null, null, null, null);

    /** The training keys to lay over every cell. */
    ObjectNode training() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        if (epochs != null) {
            node.put("epochs", epochs);
        }
        if (width != null) {
            node.put("width", width);
        }
        if (size != null) {
            node.put("size", size);
        }
        if (batchSize != null) {
            node.put("batchSize", batchSize);
        }
        if (threads != null) {
            node.put("threads", threads);
        }
        return node;
    }
}
