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
import org.covseg.report.Backgrounds;

/**
 * {@code covseg evaluate --model --data}: runs a model over a labeled dataset in memory and pairs each probability
 * map (at the slice's own size) with its ground truth (mask > 0), ready for {@link EvaluationRun}.
 */
public final class ModelPredictions {

    private final List<PredictionPair> pairs = new ArrayList<>();
    private final Map<String, Volume> images = new LinkedHashMap<>();

    private ModelPredictions() {
    }

    public static ModelPredictions of(Path modelDir, SliceDataset<LabeledSlice> dataset, int batchSize,
            IntConsumer slicesDone) {
        ModelPredictions result = new ModelPredictions();
        List<LabeledSlice> slices = dataset.loadAll();
        try (InfectionSegmenter segmenter = InfectionSegmenter.open(modelDir, batchSize)) {
            List<float[]> maps = segmenter.predict(slices.stream().map(LabeledSlice::image).toList(), slicesDone);
            for (int s = 0; s < slices.size(); s++) {
                LabeledSlice slice = slices.get(s);
                float[] mask = slice.mask().toArray();
                boolean[] truth = new boolean[mask.length];
                for (int p = 0; p < mask.length; p++) {
                    truth[p] = mask[p] > 0;
                }
                Volume m = slice.mask();
                result.pairs.add(PredictionPair.ofProbabilities(slice.name(), maps.get(s),
                        new TruthMask(truth, m.width(), m.height())));
                result.images.put(slice.name(), slice.image());
            }
        }
        return result;
    }

    public List<PredictionPair> pairs() {
        return List.copyOf(pairs);
    }

    /** The CT slices, for the gallery. */
    public Backgrounds backgrounds() {
        return name -> Optional.ofNullable(images.get(name));
    }
}
