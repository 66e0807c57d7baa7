package org.covseg.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The COVID-19 detection model's answer for a study, beside the segmentation-based finding flag.
 *
 * @param probability        probability that the study is consistent with COVID-19 pneumonia; null when not run
 * @param scope              "study" (a volume: slice probabilities aggregated by {@code rule}) or "slice" (a single
 *                           image: that image's probability)
 * @param lungSlices         slices judged (those holding enough lung)
 * @param slicesAveraged     how many of the highest slice probabilities were averaged
 * @param rule               the aggregation rule, in plain words
 * @param slices             the probability of each judged slice
 * @param model              the detection model's name and version
 * @param caveat             always {@value #CAVEAT}
 * @param notRun             why there is no probability (no model, --no-detect, a folder of images...); else null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CovidDetection(Double probability, String scope, Integer lungSlices, Integer slicesAveraged,
                             String rule, List<SliceProbability> slices, String model, String caveat, String notRun) {

    public static final String CAVEAT = "A slice classifier trained on the UCSD COVID-CT images (slices printed in"
            + " papers, COVID-19 vs other findings or normal); not a diagnosis, and not validated on CT volumes.";

    /** One judged slice: k of a volume (0 for a single image) and its probability. */
    public record SliceProbability(int slice, double probability) {
    }

    public CovidDetection {
        slices = slices == null ? null : List.copyOf(slices);
    }

    /** No detection, for {@code reason}. */
    public static CovidDetection notRun(String reason) {
        return new CovidDetection(null, null, null, null, null, null, null, CAVEAT, reason);
    }
}
