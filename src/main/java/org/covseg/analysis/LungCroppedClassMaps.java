package org.covseg.analysis;

import java.util.List;
import java.util.function.IntConsumer;
import org.covseg.image.Volume;
import org.covseg.infer.LungBoxes;
import org.covseg.infer.MulticlassMaps;
import org.covseg.infer.OnBoxes;
import org.covseg.report.ModelInfo;

/**
 * Runs a multi-class model on the same lung boxes as {@link LungCroppedInfectionMaps} (one {@link LungBoxes} serves
 * both), with each box's part of the infection map as its prior; the class maps are zero outside
 * the box and on slices without lungs.
 */
public final class LungCroppedClassMaps implements ClassMaps {

    private final ClassMaps model;
    private final LungBoxes lungBoxes;

    LungCroppedClassMaps(ClassMaps model, LungBoxes lungBoxes) {
        this.model = model;
        this.lungBoxes = lungBoxes;
    }

    @Override
    public ModelInfo model() {
        return model.model();
    }

    @Override
    public String priorUsed() {
        return model.priorUsed();
    }

    @Override
    public List<MulticlassMaps> classes(List<Volume> slices, List<float[]> infection, IntConsumer slicesDone) {
        List<int[]> boxes = slices.stream().map(lungBoxes::of).toList();
        return OnBoxes.classes(slices, boxes, infection, model::classes, slicesDone);
    }
}
