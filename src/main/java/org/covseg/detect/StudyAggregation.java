package org.covseg.detect;

import java.util.Arrays;

/**
 * How a study-level probability of COVID-19 is made from slice probabilities.
 * <ol>
 *   <li>Lung slices: the axial slices whose lung area is at least {@code minLungShare} of the largest slice's
 *       lung area (and not zero). The slice classifier was trained on mid-lung slices as printed in papers;
 *       the lung apices and bases, with a sliver of lung, look like nothing it has seen.</li>
 *   <li>The study's probability is the mean of the {@code k} highest probabilities over the lung slices,
 *       {@code k = max(1, ceil(topShare · lung slices))}. COVID-19 pneumonia is patchy and often in a few lower-lobe
 *       slices, so the mean over all slices would dilute it, while the single highest slice would let one false
 *       positive decide.</li>
 * </ol>
 * {@link #DEFAULT}: lung slices with at least 25% of the largest lung area, mean of the top 10%.
 */
public record StudyAggregation(double minLungShare, double topShare) {

    public static final StudyAggregation DEFAULT = new StudyAggregation(0.25, 0.1);

    public StudyAggregation {
        if (!(minLungShare >= 0 && minLungShare <= 1) || !(topShare > 0 && topShare <= 1)) {
            throw new IllegalArgumentException("minLungShare must be in [0, 1] and topShare in (0, 1], got "
                    + minLungShare + " and " + topShare);
        }
    }

    /** The indices of the lung slices, given each slice's lung area (voxel count); empty if no slice has lung. */
    public int[] lungSlices(long[] lungAreas) {
        long largest = Arrays.stream(lungAreas).max().orElse(0);
        if (largest == 0) {
            return new int[0];
        }
        int[] kept = new int[lungAreas.length];
        int n = 0;
        for (int k = 0; k < lungAreas.length; k++) {
            if (lungAreas[k] > 0 && lungAreas[k] >= minLungShare * largest) {
                kept[n++] = k;
            }
        }
        return Arrays.copyOf(kept, n);
    }

    /** How many of {@code lungSlices} slices are averaged. */
    public int topK(int lungSlices) {
        return Math.max(1, (int) Math.ceil(topShare * lungSlices - 1e-9));
    }

    /** The mean of the {@link #topK} highest of the lung slices' probabilities. */
    public double probability(double[] lungSliceProbabilities) {
        if (lungSliceProbabilities.length == 0) {
            throw new IllegalArgumentException("no lung slice to aggregate");
        }
        double[] sorted = lungSliceProbabilities.clone();
        Arrays.sort(sorted);
        int k = topK(sorted.length);
        double sum = 0;
        for (int i = sorted.length - k; i < sorted.length; i++) {
            sum += sorted[i];
        }
        return sum / k;
    }
}
