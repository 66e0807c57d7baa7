package org.covseg.report;

import java.util.ArrayList;
import java.util.List;

/**
 * What an analysis took as given or approximated, as facts that analysis fills in; {@link #sentences} words them for
 * report.json, the HTML and the PDF.
 *
 * @param userInfectionMask the user's infection mask (absolute path), or null when a network found the infection
 * @param threshold         the probability at or above which the network's infection counts
 * @param classPrior        the prior model the multi-class model used, or null when there was no class split
 * @param noClassSplitWhy   why there was no class split (when {@code classPrior} is null and the infection is covseg's)
 * @param huRules           the HU rules applied to the network's infection, or null when the scan is not in HU
 * @param userLungMask      the user's lung mask (absolute path), or null when covseg found the lungs
 * @param lungsSplitHere    the user's lung mask was binary and covseg split it into right and left
 * @param volume            the scan is a volume (not 2-D images)
 * @param spacingKnown      amounts are in mm² or mL, not pixel counts
 * @param pixelMmGiven      the pixel size the user gave with --pixel-mm, or null
 */
public record Approximations(String userInfectionMask, double threshold, String classPrior, String noClassSplitWhy,
                             HuRules huRules, String userLungMask, boolean lungsSplitHere,
                             boolean volume, boolean spacingKnown, Double pixelMmGiven) {

    /**
     * The Hounsfield-unit rules that take infection away, as their thresholds.
     *
     * @param aeratedBelowHu the mean HU below which an infected region counts as aerated lung
     * @param layerMaxMm     the tallest run along the slice axis taken for a surface's partial volume
     * @param solidAboveHu   tissue denser than this is a surface
     * @param airBelowHu     lung below this is aerated
     */
    public record HuRules(float aeratedBelowHu, double layerMaxMm, float solidAboveHu, float airBelowHu) {
    }

    /** How the ground-glass / consolidation split works, for the approximations and the masks' description. */
    public static final String CLASS_SPLIT_RULE = "Ground-glass / consolidation: the single-class infection mask decides"
            + " which voxels are infected; the multi-class model only decides their class: consolidation (label 2)"
            + " where its consolidation probability exceeds its ground-glass probability, else ground-glass opacity"
            + " (label 1). Its own background decision is not used, so ground-glass + consolidation = infection.";

    /** The sentences, in the order the report prints them. */
    public List<String> sentences() {
        List<String> a = new ArrayList<>();
        if (userInfectionMask != null) {
            a.add("Infection is the user's mask " + userInfectionMask + ", taken as given (not checked by covseg);"
                    + " every percentage and score is only as good as that mask." + (classPrior != null ? " "
                    + CLASS_SPLIT_RULE + " The multi-class model's prior is " + classPrior + "." : ""));
        } else {
            a.add("Infection is where the single-class network's probability is at or above " + threshold
                    + ", not checked by a reader. " + (classPrior != null ? CLASS_SPLIT_RULE + " The multi-class"
                    + " model's prior is " + classPrior + "; it was trained on 50 COVID-SemiSeg slices, so the split is"
                    + " rough." : AnalysisReport.noClassSplit(noClassSplitWhy)));
            if (huRules != null) {
                a.add("Each infected region (connected within its slice) whose mean is below "
                        + (int) huRules.aeratedBelowHu() + " HU is aerated lung and never infection, whatever the"
                        + " network says.");
                a.add("Along the slice axis, a run of infected voxels at most " + number(huRules.layerMaxMm())
                        + " mm tall between tissue denser than " + (int) huRules.solidAboveHu()
                        + " HU and aerated lung below " + (int) huRules.airBelowHu() + " HU is the partial volume of"
                        + " that surface (a diaphragm dome, the top of a vessel) and not infection; not applied where"
                        + " slices are farther apart than that.");
            }
        }
        if (userLungMask != null) {
            a.add("The lung mask is the user's " + userLungMask + ", used as given" + (lungsSplitHere
                    ? "; covseg split it into the right and left lung (by the body's midline and the pleural"
                    + " junction), which decides the per-lung numbers" : "")
                    + ". Infection outside it enters no percentage and no score.");
        } else {
            a.add("The lung mask is computed automatically, with the infection mask added to the lung it touches"
                    + " within the thoracic envelope (near the lungs found on the CT alone); errors of either mask"
                    + " change every percentage and score.");
        }
        if (volume) {
            a.add("Lobes and segments are geometric approximations, not anatomy: each lung's bounding box is cut into"
                    + " cranio-caudal sixths and thirds, front and back halves and lateral and medial halves, without"
                    + " fissures or an atlas (the exact cuts are in the CT severity score's definition).");
        } else {
            a.add("A 2-D image gives the infected share of that image's lung area, not of the whole lungs; the"
                    + " whole-lung scores (CT severity score, total CT score, MosMed category) are not applicable.");
        }
        if (!spacingKnown) {
            a.add("The pixel size of the images is unknown, so amounts are pixel counts; give --pixel-mm to get mm².");
        } else if (!volume) {
            a.add("The pixel size " + pixelMmGiven + " mm was given with --pixel-mm, not read from the images.");
        }
        return a;
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
