package org.covseg.detect;

/**
 * A study's COVID-19 detection: the study-level probability and the slice-level ones it was made from.
 *
 * @param probability        the study-level probability ({@link StudyAggregation})
 * @param lungSlices         the slice indices (k of the volume) judged, ascending
 * @param sliceProbabilities the probability of each of {@code lungSlices}
 * @param topK               how many of the highest slice probabilities were averaged
 */
public record StudyDetection(double probability, int[] lungSlices, double[] sliceProbabilities, int topK) {

    public StudyDetection {
        lungSlices = lungSlices.clone();
        sliceProbabilities = sliceProbabilities.clone();
    }
}
