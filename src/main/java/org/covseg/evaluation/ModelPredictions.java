package org.covseg.evaluation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.covseg.data.LabeledSlice;
import org.covseg.data.SliceDataset;
import org.covseg.image.Volume;
import org.covseg.infer.InfectionSegmenter;
import org.covseg.infer.MulticlassMaps;
import org.covseg.infer.MulticlassSegmenter;
import org.covseg.infer.NetworkBoxes;
import org.covseg.infer.OnBoxes;
import org.covseg.model.ModelDir;
import org.covseg.model.ModelSpec;

/**
 * {@code covseg evaluate --model --data}: runs a model over a labeled dataset in memory and pairs each probability
 * map (at the slice's own size) with its ground truth, ready for {@link EvaluationRun}: an infection model's map
 * against mask > 0; a multiclass model's ground-glass and consolidation maps against label == 1 and label == 2
 * (one {@link InfectionClass} each, all ground-glass pairs first), or with {@link ClassMaps#LABELS} each class of
 * its label map (the most probable class), as the official multi-class test script scores.
 */
public final class ModelPredictions {

    private final List<PredictionPair> pairs = new ArrayList<>();
    private final Map<String, Volume> images = new LinkedHashMap<>();
    private ModelPredictions() {
    }

    /** How a multiclass model's classes are scored. */
    public enum ClassMaps {
        /** Each class's probability map. */
        PROBABILITIES,
        /** Each class of the label map, 1 where the class is the most probable and 0 elsewhere. */
        LABELS
    }

    public static ModelPredictions of(Path modelDir, SliceDataset<LabeledSlice> dataset, int batchSize,
            IntConsumer slicesDone) {
        return of(modelDir, dataset, ClassMaps.PROBABILITIES, batchSize, slicesDone);
    }

    public static ModelPredictions of(Path modelDir, SliceDataset<LabeledSlice> dataset, ClassMaps classMaps,
            int batchSize, IntConsumer slicesDone) {
        ModelSpec spec = ModelDir.readSpec(modelDir);
        ModelPredictions result = new ModelPredictions();
        List<LabeledSlice> slices = dataset.loadAll();
        List<Volume> ct = slices.stream().map(LabeledSlice::image).toList();
        List<int[]> boxes = NetworkBoxes.ofImages(ct);
        if (spec.isMulticlass()) {
            try (MulticlassSegmenter segmenter = MulticlassSegmenter.open(modelDir, batchSize)) {
                List<MulticlassMaps> maps = OnBoxes.classes(ct, boxes, null, segmenter::predict, slicesDone);
                for (InfectionClass c : InfectionClass.values()) {
                    for (int s = 0; s < slices.size(); s++) {
                        MulticlassMaps m = maps.get(s);
                        float[] probability = classMaps == ClassMaps.LABELS ? labelOf(m.labels(), c.label())
                                : c == InfectionClass.GGO ? m.ggo() : m.consolidation();
                        result.add(slices.get(s), c.key(), probability, value -> value == c.label());
                    }
                }
            }
        } else {
            try (InfectionSegmenter segmenter = InfectionSegmenter.open(modelDir, batchSize)) {
                List<float[]> maps = OnBoxes.probabilities(ct, boxes, segmenter::predict, slicesDone).all();
                for (int s = 0; s < slices.size(); s++) {
                    result.add(slices.get(s), InfectionClass.INFECTION, maps.get(s), value -> value > 0);
                }
            }
        }
        return result;
    }

    private static float[] labelOf(float[] labels, int label) {
        float[] binary = new float[labels.length];
        for (int p = 0; p < labels.length; p++) {
            binary[p] = labels[p] == label ? 1 : 0;
        }
        return binary;
    }

    private void add(LabeledSlice slice, String className, float[] probability, FloatPredicate isForeground) {
        Volume m = slice.mask();
        float[] mask = m.toArray();
        boolean[] truth = new boolean[mask.length];
        for (int p = 0; p < mask.length; p++) {
            truth[p] = isForeground.test(mask[p]);
        }
        pairs.add(PredictionPair.ofProbabilities(slice.name(), className, probability,
                new TruthMask(truth, m.width(), m.height())));
        images.put(slice.name(), slice.image());
    }

    private interface FloatPredicate {
        boolean test(float value);
    }

    public List<PredictionPair> pairs() {
        return List.copyOf(pairs);
    }

    /** The CT slices, for the gallery. */
    public Backgrounds backgrounds() {
        return name -> Optional.ofNullable(images.get(name));
    }
}
