package org.covseg.detect;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.covseg.CovsegException;
import org.covseg.image.Volume;

/**
 * Study-level COVID-19 detection for a CT volume: the slice detector runs on the axial slices that hold enough
 * lung and its probabilities are aggregated ({@link StudyAggregation}). The whole axial slice is given to the
 * network (the training images show whole chest slices), windowed with the model's lung window when in HU.
 *
 * <p>Use: {@code try (StudyDetector d = StudyDetector.open(modelDir, 4)) { double p = d.probability(ct, lungs); }}
 * with {@code lungs} the label volume of {@link org.covseg.lungs.LungSegmenter} (non-zero = lung) on the CT's
 * grid.
 */
public final class StudyDetector implements AutoCloseable {

    private final SliceDetector slices;
    private final StudyAggregation aggregation;

    public StudyDetector(SliceDetector slices, StudyAggregation aggregation) {
        this.slices = slices;
        this.aggregation = aggregation;
    }

    /** The detector of a model directory (task "detect") with the {@link StudyAggregation#DEFAULT} aggregation. */
    public static StudyDetector open(Path modelDir, int batchSize) {
        return new StudyDetector(SliceDetector.open(modelDir, batchSize), StudyAggregation.DEFAULT);
    }

    /** The study-level probability that {@code ct} is consistent with COVID-19 pneumonia. */
    public double probability(Volume ct, Volume lungs) {
        return detect(ct, lungs).probability();
    }

    /** The study-level probability with the slice probabilities behind it. */
    public StudyDetection detect(Volume ct, Volume lungs) {
        if (lungs.width() != ct.width() || lungs.height() != ct.height() || lungs.depth() != ct.depth()) {
            throw new IllegalArgumentException("the lung mask " + lungs + " is not on the grid of the CT " + ct);
        }
        long[] areas = new long[ct.depth()];
        for (int k = 0; k < ct.depth(); k++) {
            for (float v : lungs.sliceArray(k)) {
                areas[k] += v != 0 ? 1 : 0;
            }
        }
        int[] judged = aggregation.lungSlices(areas);
        if (judged.length == 0) {
            throw new CovsegException("no lung was found in the scan, so COVID-19 detection has no slice to judge");
        }
        List<Volume> inputs = new ArrayList<>(judged.length);
        for (int k : judged) {
            inputs.add(ct.slice(k));
        }
        double[] p = slices.probabilities(inputs, done -> { });
        return new StudyDetection(aggregation.probability(p), judged, p, aggregation.topK(judged.length));
    }

    @Override
    public void close() {
        slices.close();
    }
}
