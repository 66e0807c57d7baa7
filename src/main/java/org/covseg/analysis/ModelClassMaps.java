package org.covseg.analysis;

import java.nio.file.Path;
import java.util.List;
import java.util.function.IntConsumer;
import org.covseg.CovsegException;
import org.covseg.image.Volume;
import org.covseg.infer.MulticlassMaps;
import org.covseg.infer.MulticlassSegmenter;
import org.covseg.model.ModelDir;
import org.covseg.model.ModelSpec;
import org.covseg.report.ModelInfo;

/**
 * Class maps from a multi-class model on disk. The model expects its prior, the probability map of the infection
 * model it was trained with: when the analysis' infection model is that model (same weights hash), its maps are
 * reused; otherwise the multi-class model runs its own prior model.
 */
public final class ModelClassMaps implements ClassMaps, AutoCloseable {

    private final MulticlassSegmenter segmenter;
    private final ModelInfo model;
    private final boolean reusePrior;
    private final boolean usersMask;

    private ModelClassMaps(MulticlassSegmenter segmenter, ModelInfo model, boolean reusePrior, boolean usersMask) {
        this.segmenter = segmenter;
        this.model = model;
        this.reusePrior = reusePrior;
        this.usersMask = usersMask;
    }

    /**
     * Loads the multi-class model in {@code modelDir} (and its prior) to run {@code batchSize} slices at a time.
     *
     * @param infectionModel the model the analysis' infection maps come from, or null when they are the user's
     *                       binary infection mask, which is then the prior
     */
    public static ModelClassMaps open(Path modelDir, int batchSize, ModelInfo infectionModel) {
        ModelSpec spec = ModelDir.readSpec(modelDir);
        if (!spec.isMulticlass()) {
            throw new CovsegException(modelDir + " is a model of task \"" + spec.task() + "\", not a multi-class"
                    + " (ground-glass / consolidation) model of task \"" + ModelSpec.MULTICLASS + "\"");
        }
        MulticlassSegmenter segmenter = MulticlassSegmenter.open(modelDir, batchSize);
        // A multi-class model is trained with its prior network's own map, so maps averaged over test-time flips
        // are not its prior even when the weights are the same.
        boolean reuse = infectionModel == null || infectionModel.weightsSha256() != null
                && infectionModel.testTimeFlips() == null
                && infectionModel.weightsSha256().equals(segmenter.priorSpec().weightsSha256());
        return new ModelClassMaps(segmenter, ModelInfectionMaps.info(segmenter.spec(), modelDir), reuse,
                infectionModel == null);
    }

    @Override
    public ModelInfo model() {
        return model;
    }

    @Override
    public String priorUsed() {
        ModelSpec prior = segmenter.priorSpec();
        if (usersMask) {
            return "the user's infection mask (1 infected, 0 not), in place of its prior model's map";
        }
        return reusePrior ? "the analysis' infection model " + prior.name() + " " + prior.version()
                + " (the multi-class model's own prior)"
                : "its own prior model " + prior.name() + " " + prior.version() + ", run again, since the analysis'"
                + " infection maps are not that network's own (another model, or test-time flips)";
    }

    @Override
    public List<MulticlassMaps> classes(List<Volume> slices, List<float[]> infection, IntConsumer slicesDone) {
        return reusePrior ? segmenter.predict(slices, infection, slicesDone) : segmenter.predict(slices, slicesDone);
    }

    @Override
    public void close() {
        segmenter.close();
    }
}
