package org.covseg.analysis;

import java.util.List;
import java.util.function.IntConsumer;
import org.covseg.image.Volume;
import org.covseg.infer.LungBoxes;
import org.covseg.infer.OnBoxes;
import org.covseg.infer.SliceMaps;
import org.covseg.report.ModelInfo;

/**
 * Runs an infection model on each slice's lung bounding box only, as the training slices were cropped (COVID-SemiSeg
 * slices are cut to the lung box): a model shown a full field of view also marks the chest wall. The box is that of
 * both lungs of the slice (found on the slice alone), widened on each side ({@link LungBoxes}); the map is zero
 * outside it and on slices without lungs.
 */
public final class LungCroppedInfectionMaps implements InfectionMaps {

    private final InfectionMaps model;
    private final LungBoxes lungBoxes;

    LungCroppedInfectionMaps(InfectionMaps model, LungBoxes lungBoxes) {
        this.model = model;
        this.lungBoxes = lungBoxes;
    }

    @Override
    public ModelInfo model() {
        return model.model();
    }

    @Override
    public SliceMaps probabilities(List<Volume> slices, IntConsumer slicesDone) {
        List<int[]> boxes = slices.parallelStream().map(lungBoxes::of).toList();
        return OnBoxes.probabilities(slices, boxes, (crops, done) -> model.probabilities(crops, done).all(),
                slicesDone);
    }
}
