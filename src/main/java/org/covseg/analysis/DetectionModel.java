package org.covseg.analysis;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.covseg.data.Scan;
import org.covseg.detect.SliceDetector;
import org.covseg.detect.StudyAggregation;
import org.covseg.detect.StudyDetection;
import org.covseg.detect.StudyDetector;
import org.covseg.image.Volume;
import org.covseg.report.CovidDetection;
import org.covseg.report.ModelInfo;

/** A COVID-19 detection model on disk, run on a study's CT and lungs ({@link StudyDetector}). */
public final class DetectionModel implements AutoCloseable {

    private final StudyDetector detector;
    private final StudyAggregation aggregation;
    private final ModelInfo model;

    private DetectionModel(StudyDetector detector, StudyAggregation aggregation, ModelInfo model) {
        this.detector = detector;
        this.aggregation = aggregation;
        this.model = model;
    }

    /** Loads the detection model (task "detect") in {@code modelDir}, with the default study aggregation. */
    public static DetectionModel open(Path modelDir, int batchSize) {
        SliceDetector slices = SliceDetector.open(modelDir, batchSize);
        return new DetectionModel(new StudyDetector(slices, StudyAggregation.DEFAULT), StudyAggregation.DEFAULT,
                ModelInfectionMaps.info(slices.spec(), modelDir));
    }

    public ModelInfo model() {
        return model;
    }

    /** The detection of a volume (study level) or a single image (that slice); null for a folder of images. */
    CovidDetection detect(Scan scan, Volume ct, Volume lungs) {
        if (scan.isImageFolder()) {
            return CovidDetection.notRun("a folder of separate images is not one study; analyse an image on its own"
                    + " to get its probability");
        }
        StudyDetection d = detector.detect(ct, lungs);
        List<CovidDetection.SliceProbability> slices = new ArrayList<>();
        for (int i = 0; i < d.lungSlices().length; i++) {
            slices.add(new CovidDetection.SliceProbability(d.lungSlices()[i], d.sliceProbabilities()[i]));
        }
        boolean volume = scan.isVolume();
        return new CovidDetection(d.probability(), volume ? "study" : "slice", d.lungSlices().length, d.topK(),
                volume ? rule() : "the image's own probability", slices, model.name() + " " + model.version(),
                CovidDetection.CAVEAT, null);
    }

    private String rule() {
        return String.format(Locale.ROOT, "mean of the k highest slice probabilities over the lung slices (slices"
                + " whose lung area is at least %.0f%% of the largest slice's), k = max(1, ceil(%.2f x lung slices))",
                100 * aggregation.minLungShare(), aggregation.topShare());
    }

    @Override
    public void close() {
        detector.close();
    }
}
