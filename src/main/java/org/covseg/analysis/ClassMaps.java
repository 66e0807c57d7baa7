package org.covseg.analysis;

import java.util.List;
import java.util.function.IntConsumer;
import org.covseg.image.Volume;
import org.covseg.infer.MulticlassMaps;
import org.covseg.report.ModelInfo;

/** Where ground-glass and consolidation probabilities come from: a multi-class network ({@link ModelClassMaps}). */
public interface ClassMaps {

    /** The model behind the maps, as the report records it. */
    ModelInfo model();

    /** The infection model whose probability map the multi-class model took as its prior, in plain words. */
    String priorUsed();

    /**
     * Ground-glass and consolidation probabilities of every pixel of each depth-1 slice, at the slice's size.
     *
     * @param infection the infection probability of each slice (row-major, at the slice's size), which the
     *                  multi-class model takes as its prior when it comes from that model's own prior model; or the
     *                  user's binary infection mask (1 infected, 0 not), which it always takes
     */
    List<MulticlassMaps> classes(List<Volume> slices, List<float[]> infection, IntConsumer slicesDone);
}
