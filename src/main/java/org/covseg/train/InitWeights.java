package org.covseg.train;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.covseg.CovsegException;
import org.covseg.infer.ModelDir;
import org.covseg.infer.ModelSpec;
import org.covseg.nn.InfNet;
import org.covseg.nn.StateDict;

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

    /**
     * Loads {@code init} into an Inf-Net: a model folder, a pre-trained folder (its output layers are missing and
     * keep their fresh initialisation) or an Inf-Net state dict in safetensors.
     */
    static void loadInfNet(InfNet net, Path init, PrintWriter log) throws IOException {
        boolean pretrained = Files.isDirectory(init) && ModelDir.readSpec(init).isPretrained();
        StateDict weights = pretrained ? StateDict.of(net).without(InfNet.OUTPUT_LAYERS) : StateDict.of(net);
        weights.load(file(init));
        log.println("initialised from " + init
                + (pretrained ? " (self-supervised pre-training; the output layers start fresh)" : ""));
    }
}
