package org.covseg.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * How the infection mask a report's scores come from agrees with a reference mask the user gave
 * ({@code covseg analyze --reference-mask}): overlap, amounts and distances per region and infection class, and
 * the severity scores computed from each mask against the same lung mask.
 *
 * @param unit               unit of the amounts ("mL", "mm²", "voxels" or "pixels")
 * @param distanceUnit       unit of the Hausdorff distances ("mm" or "pixels")
 * @param regions            one entry per region ("whole scan", "right lung", "left lung") and class compared
 * @param classesNotCompared why ground-glass opacity and consolidation are not compared apart, or null when they are
 * @param severity           the scores from each mask and their difference
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Agreement(String unit, String distanceUnit, List<RegionAgreement> regions, String classesNotCompared,
                        ScoreComparison severity) {

    public static final String DEFINITION = "Dice = 2|A∩R| / (|A|+|R|), IoU = |A∩R| / |A∪R| (both 1 when both masks"
            + " are empty) between the analysis' infection mask A and the reference R, counted over the whole scan or"
            + " over one lung of the lung mask the scores use; amount difference = amount(A) − amount(R), in % of"
            + " amount(R) (null when R is empty); hausdorff95 = the larger of the two directed 95th percentiles of the"
            + " distances between the masks' boundary voxels (6-neighbourhood in 3-D, 4 in 2-D; physical spacing),"
            + " null when either mask is empty. Score differences are analysis − reference.";

    public Agreement {
        regions = List.copyOf(regions);
    }

    /**
     * @param region                  "whole scan", "right lung" or "left lung"
     * @param infectionClass          "any", "ground-glass opacity" or "consolidation"
     * @param dice                    Dice coefficient
     * @param iou                     intersection over union (Jaccard)
     * @param amount                  amount of the analysis' mask in this region
     * @param referenceAmount         amount of the reference in this region
     * @param amountDifference        amount − referenceAmount
     * @param amountDifferencePercent the difference in % of referenceAmount, or null when that is 0
     * @param hausdorff95             95th-percentile Hausdorff distance, or null when either mask is empty
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record RegionAgreement(String region, String infectionClass, double dice, double iou, double amount,
                                  double referenceAmount, double amountDifference, Double amountDifferencePercent,
                                  Double hausdorff95) {
    }

    /** The scores from the analysis' mask, from the reference, and analysis − reference. */
    public record ScoreComparison(ScoreSummary analysis, ScoreSummary reference, ScoreSummary difference) {
    }
}
