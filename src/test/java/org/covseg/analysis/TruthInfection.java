package org.covseg.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.covseg.image.Volume;
import org.covseg.infer.SliceMaps;
import org.covseg.report.ModelInfo;

/** Infection "probabilities" that are a known truth (1 on infected pixels, 0 elsewhere), slice by slice in order. */
final class TruthInfection implements InfectionMaps {

    static final ModelInfo MODEL = new ModelInfo("phantom-truth", "1", "infection", "none (ground truth)", null,
            "none");

    private final List<float[]> maps = new ArrayList<>();

    /** The truth of every slice of {@code infection} (labels, non-zero infected), in k order. */
    static TruthInfection of(Volume infection) {
        TruthInfection t = new TruthInfection();
        for (int k = 0; k < infection.depth(); k++) {
            t.add(infection.sliceArray(k));
        }
        return t;
    }

    TruthInfection add(float[] labels) {
        float[] p = new float[labels.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = labels[i] != 0 ? 1 : 0;
        }
        maps.add(p);
        return this;
    }

    @Override
    public ModelInfo model() {
        return MODEL;
    }

    @Override
    public SliceMaps probabilities(List<Volume> slices, IntConsumer slicesDone) {
        if (slices.size() != maps.size()) {
            throw new IllegalStateException("truth holds " + maps.size() + " slices, asked for " + slices.size());
        }
        for (int s = 0; s < slices.size(); s++) {
            if (slices.get(s).voxelCount() != maps.get(s).length) {
                throw new IllegalStateException("slice " + s + " differs in size from its truth");
            }
        }
        slicesDone.accept(slices.size());
        return SliceMaps.of(maps);
    }
}
