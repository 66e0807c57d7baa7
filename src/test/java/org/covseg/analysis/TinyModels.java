package org.covseg.analysis;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.covseg.model.ModelDir;
import org.covseg.model.ModelSpec;
import org.covseg.nn.DetectionNet;
import org.covseg.nn.InfNet;
import org.covseg.nn.NetworkSize;
import org.covseg.nn.UNet;
import org.covseg.nn.UNetConfig;

/**
 * Untrained tiny models of each task (64 px input, a tenth of the official widths), saved as model folders: their
 * outputs are arbitrary but well formed, which is what the analysis' bookkeeping needs.
 */
public final class TinyModels {

    private static final NetworkSize INFNET = new NetworkSize(0.1, 64);

    private TinyModels() {
    }

    public static Path infection(Path dir) throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            InfNet net = new InfNet(INFNET);
            net.initialize(manager, DataType.FLOAT32, INFNET.inputShape(1));
            ModelDir.save(dir, ModelSpec.infection("tiny-infection", INFNET, Map.of(), Map.of()), net);
        }
        return dir;
    }

    /** A multi-class model whose prior is the infection model in {@code prior}. */
    public static Path multiclass(Path dir, Path prior) throws IOException {
        ModelSpec p = ModelDir.readSpec(prior);
        UNetConfig config = UNetConfig.multiclass(0.1, 64);
        try (NDManager manager = NDManager.newBaseManager()) {
            UNet net = new UNet(config);
            net.initialize(manager, DataType.FLOAT32, config.inputShape(1));
            ModelDir.save(dir, ModelSpec.multiclass("tiny-multiclass", config, new ModelSpec.PriorSpec(p.name(),
                    p.version(), p.weightsSha256(), ModelDir.relativePrior(dir, prior)), Map.of(), Map.of()), net);
        }
        return dir;
    }

    public static Path detect(Path dir) throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            DetectionNet net = new DetectionNet(INFNET);
            net.initialize(manager, DataType.FLOAT32, INFNET.inputShape(1));
            ModelDir.save(dir, ModelSpec.detection("tiny-detect", INFNET, Map.of(), Map.of()), net);
        }
        return dir;
    }
}
