package org.covseg.detect;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.covseg.CovsegException;
import org.covseg.data.ClassifiedSlice;
import org.covseg.data.Datasets;
import org.covseg.data.SliceDataset;
import org.covseg.data.Splits;
import org.covseg.image.Volume;
import org.covseg.metrics.Bootstrap;
import org.covseg.metrics.DetectionMetrics;

/**
 * Runs a detection model over an image-level labeled dataset (UCSD COVID-CT layout), optionally only the
 * validation side of a training run's split (the held-out images), and scores it with {@link DetectionMetrics}:
 * confidence intervals by the cluster bootstrap over sources (the dataset's groups: the paper a COVID image was
 * cut from, the case number of a non-COVID image).
 */
public final class DetectionEvaluation {

    /** The bootstrap used unless told otherwise: 2,000 resamples, seed 1, 95% intervals. */
    public static final Bootstrap BOOTSTRAP = new Bootstrap(2000, 1, 0.95);

    private static final int BATCH = 8;

    /** One image's prediction. */
    public record Prediction(String name, String group, boolean covid, double probability) {
    }

    /** The predictions and their metrics; {@code data} describes what was evaluated. */
    public record Result(String data, List<Prediction> predictions, DetectionMetrics metrics) {
    }

    private DetectionEvaluation() {
    }

    /**
     * @param split     a training run's split.json whose validation images are evaluated, or null for all images
     * @param threshold probability at or above which an image is called COVID-19
     */
    public static Result run(Path model, Path data, Path split, double threshold, Bootstrap bootstrap,
            IntConsumer imagesDone) {
        SliceDataset<ClassifiedSlice> dataset = Datasets.openClassification(data);
        if (split != null) {
            dataset = dataset.select(Splits.read(split).validation());
        }
        List<Prediction> predictions = new ArrayList<>(dataset.size());
        try (SliceDetector detector = SliceDetector.open(model, BATCH)) {
            for (int start = 0; start < dataset.size(); start += BATCH) {
                List<ClassifiedSlice> batch = new ArrayList<>();
                for (int i = start; i < Math.min(dataset.size(), start + BATCH); i++) {
                    batch.add(dataset.load(i));
                }
                List<Volume> images = batch.stream().map(ClassifiedSlice::image).toList();
                double[] p = detector.probabilities(images, imagesDone);
                for (int b = 0; b < batch.size(); b++) {
                    ClassifiedSlice s = batch.get(b);
                    predictions.add(new Prediction(s.name(), dataset.group(s.name()),
                            s.label() == ClassifiedSlice.COVID, p[b]));
                }
            }
        }
        return new Result(dataset.description(), predictions, score(predictions, threshold, bootstrap));
    }

    /** The metrics of predictions, resampling their groups. */
    public static DetectionMetrics score(List<Prediction> predictions, double threshold, Bootstrap bootstrap) {
        long covidCount = predictions.stream().filter(Prediction::covid).count();
        if (covidCount == 0 || covidCount == predictions.size()) {
            throw new CovsegException("the " + predictions.size() + " evaluated image(s) are all of one class;"
                    + " AUC and the ROC curve need both COVID-19 and non-COVID images");
        }
        int n = predictions.size();
        double[] scores = new double[n];
        boolean[] covid = new boolean[n];
        String[] groups = new String[n];
        for (int i = 0; i < n; i++) {
            scores[i] = predictions.get(i).probability();
            covid[i] = predictions.get(i).covid();
            groups[i] = predictions.get(i).group();
        }
        return DetectionMetrics.of(scores, covid, groups, threshold, bootstrap);
    }
}
