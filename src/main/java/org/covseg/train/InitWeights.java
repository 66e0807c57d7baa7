package org.covseg.train;

import java.nio.file.Files;
import java.nio.file.Path;
import org.covseg.CovsegException;
import org.covseg.infer.ModelDir;
import org.covseg.infer.ModelSpec;

/** Where {@code --init} weights are: a model folder's weights file, or a safetensors file given directly. */
final class InitWeights {

    private InitWeights() {
    }

    static Path file(Path init) {
        if (Files.isDirectory(init)) {
            ModelSpec spec = ModelDir.readSpec(init);
            return init.resolve(spec.weights());
        }
        if (!Files.isRegularFile(init)) {
            throw new CovsegException("--init " + init + " is neither a model folder nor a safetensors file");
        }
        return init;
    }
}
