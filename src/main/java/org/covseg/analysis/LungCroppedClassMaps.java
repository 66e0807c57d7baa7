package org.covseg.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.covseg.image.Volume;
import org.covseg.infer.MulticlassMaps;
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
        List<int[]> boxes = new ArrayList<>();
        List<Volume> crops = new ArrayList<>();
        List<float[]> priors = new ArrayList<>();
        for (int s = 0; s < slices.size(); s++) {
            Volume slice = slices.get(s);
            int[] box = lungBoxes.of(slice);
            boxes.add(box);
            if (box != null) {
                crops.add(LungBoxes.crop(slice, box));
                priors.add(LungBoxes.crop(infection.get(s), box, slice.width()));
            }
        }
        slicesDone.accept(slices.size() - crops.size());
        List<MulticlassMaps> cropMaps = crops.isEmpty() ? List.of() : model.classes(crops, priors, slicesDone);
        List<MulticlassMaps> maps = new ArrayList<>();
        int next = 0;
        for (int s = 0; s < slices.size(); s++) {
            Volume slice = slices.get(s);
            int plane = slice.width() * slice.height();
            float[] ggo = new float[plane];
            float[] consolidation = new float[plane];
            float[] labels = new float[plane];
            int[] box = boxes.get(s);
            if (box != null) {
                MulticlassMaps m = cropMaps.get(next++);
                LungBoxes.paste(m.ggo(), box, ggo, slice.width());
                LungBoxes.paste(m.consolidation(), box, consolidation, slice.width());
                LungBoxes.paste(m.labels(), box, labels, slice.width());
            }
            maps.add(new MulticlassMaps(ggo, consolidation, labels));
        }
        return maps;
    }
}
