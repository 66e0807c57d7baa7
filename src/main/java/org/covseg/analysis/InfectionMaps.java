package org.covseg.analysis;

import java.util.List;
import java.util.function.IntConsumer;
import org.covseg.image.Volume;
import org.covseg.infer.SliceMaps;
import org.covseg.report.ModelInfo;

/** Where infection probabilities come from: a network ({@link ModelInfectionMaps}), or a known truth in tests. */
public interface InfectionMaps {

    /** The model behind the maps, as the report records it. */
    ModelInfo model();

    /**
     * Infection probability in [0, 1] of every pixel, one row-major map per depth-1 slice at that slice's size;
     * {@code slicesDone} hears how many slices each step finished.
     */
    SliceMaps probabilities(List<Volume> slices, IntConsumer slicesDone);
}
