package org.covseg.analysis;

import java.nio.file.Path;
import java.util.List;
import java.util.function.IntConsumer;
import org.covseg.image.Volume;
import org.covseg.infer.InfectionSegmenter;
import org.covseg.infer.SliceMaps;
import org.covseg.model.ModelSpec;
import org.covseg.model.TestTimeFlips;
import org.covseg.report.ModelInfo;

/** Infection maps from a single-class infection model on disk. */
public final class ModelInfectionMaps implements InfectionMaps, AutoCloseable {

    private final InfectionSegmenter segmenter;
    private final ModelInfo model;

    private ModelInfectionMaps(InfectionSegmenter segmenter, ModelInfo model) {
        this.segmenter = segmenter;
        this.model = model;
    }

    /** Loads the model in {@code modelDir} (validating it) to run {@code batchSize} slices at a time. */
    public static ModelInfectionMaps open(Path modelDir, int batchSize) {
        InfectionSegmenter segmenter = InfectionSegmenter.open(modelDir, batchSize);
        return new ModelInfectionMaps(segmenter, info(segmenter.spec(), modelDir));
    }

    /** A model folder as the report records it. */
    static ModelInfo info(ModelSpec s, Path modelDir) {
        return new ModelInfo(s.name(), s.version(), s.task(), s.architecture(), s.weightsSha256(),
                modelDir.toAbsolutePath().normalize().toString(),
                s.flips() == TestTimeFlips.NONE ? null : s.flips().name(),
                s.isEnsemble() ? s.members().size() : null);
    }

    @Override
    public ModelInfo model() {
        return model;
    }

    @Override
    public SliceMaps probabilities(List<Volume> slices, IntConsumer slicesDone) {
        return SliceMaps.of(segmenter.predict(slices, slicesDone));
    }

    @Override
    public void close() {
        segmenter.close();
    }
}
