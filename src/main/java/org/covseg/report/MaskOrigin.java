package org.covseg.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where one mask behind a report came from: a file the user gave, covseg's infection model, or covseg's lung
 * segmentation.
 *
 * @param mask          which mask: {@value #INFECTION}, {@value #LUNGS} or {@value #REFERENCE}
 * @param source        {@value #USER_MASK}, {@value #MODEL} or {@value #LUNG_SEGMENTATION}
 * @param origin        the same in one line, e.g. "user mask /data/case1_lesions.nii.gz" or "covseg model
 *                      infnet 1.0 (weights SHA-256 …)"
 * @param path          the user's mask file, or the model folder; null for the lung segmentation
 * @param labels        how the mask's values were read
 * @param weightsSha256 the model's weights hash (model masks only)
 * @param addedFromInfectionPercent covseg's lungs only, in percent: the share of each lung ("rightLung",
 *                      "leftLung") that the infection mask added (its lesions touching a lung), and the share of
 *                      the infection inside the lungs that lies in what it added ("infection")
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MaskOrigin(String mask, String source, String origin, String path, String labels,
                         String weightsSha256, Map<String, Double> addedFromInfectionPercent) {

    public static final String INFECTION = "infection";
    public static final String LUNGS = "lungs";
    public static final String REFERENCE = "reference";
    public static final String USER_MASK = "user mask";
    public static final String MODEL = "covseg model";
    public static final String LUNG_SEGMENTATION = "covseg lung segmentation";

    /** A mask file the user gave, read (never modified) with the given label meaning. */
    public static MaskOrigin userMask(String mask, String path, String labels) {
        return new MaskOrigin(mask, USER_MASK, USER_MASK + " " + path, path, labels, null, null);
    }

    /** The infection mask of covseg's model, thresholded. */
    public static MaskOrigin model(ModelInfo m, String labels) {
        String hash = m.weightsSha256() == null ? "weights hash not recorded" : "weights SHA-256 " + m.weightsSha256();
        return new MaskOrigin(INFECTION, MODEL, MODEL + " " + m.name() + " " + m.versionShown() + " (" + hash + ")",
                m.path(), labels, m.weightsSha256(), null);
    }

    /**
     * covseg's own lung mask, with {@code how} saying what was added to it, the share of each lung (percent) that
     * the infection mask added and the share of the infection that lies there.
     */
    public static MaskOrigin lungSegmentation(String how, double rightLungPercent, double leftLungPercent,
            double infectionPercent) {
        Map<String, Double> added = new LinkedHashMap<>();
        added.put("rightLung", rightLungPercent);
        added.put("leftLung", leftLungPercent);
        added.put("infection", infectionPercent);
        return new MaskOrigin(LUNGS, LUNG_SEGMENTATION, LUNG_SEGMENTATION + ": " + how, null,
                "0 outside, 1 right lung, 2 left lung", null, Collections.unmodifiableMap(added));
    }
}
