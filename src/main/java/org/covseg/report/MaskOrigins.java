package org.covseg.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a report's masks came from and what the infection mask's labels mean, in words, from the facts the analysis
 * returns (as {@link Approximations} words the approximations).
 *
 * @param userInfection    the infection mask the user gave, or null when covseg's model made it
 * @param infectionModel   the model that made the infection mask (null when the user gave it)
 * @param threshold        the probability at or above which the model's map counts as infection
 * @param classModel       the multi-class model that split the infection (the model's, or the user's binary mask), or
 *                         null when nothing split it
 * @param noClassesReason  why there is no split, when the infection is binary and the model's
 * @param classLabels      whether the infection mask holds ground-glass (1) and consolidation (2)
 * @param userLungs        the lung mask the user gave, or null when covseg found the lungs
 * @param addedLung        what the infection mask added to covseg's lungs (unused when the user gave the lungs)
 * @param reference        the reference mask the user gave, or null
 */
public record MaskOrigins(UserMask userInfection, ModelInfo infectionModel, double threshold, ModelInfo classModel,
                          String noClassesReason, boolean classLabels, UserMask userLungs, AddedLung addedLung,
                          UserMask reference) {

    /** A mask file the user gave, and how its values were read. */
    public record UserMask(String path, String labels) {
    }

    /**
     * The share of each of covseg's lungs, in percent, that only the infection mask made lung (its lesions touching
     * the lung), and the share of the infection inside the lungs that lies there.
     */
    public record AddedLung(double rightLungPercent, double leftLungPercent, double infectionPercent) {

        /** E.g. "they make 1.1 % of the right lung and 0.0 % of the left, and hold 24.5 % of the infection measured". */
        String describe() {
            return String.format(Locale.ROOT, "they make %.1f %% of the right lung and %.1f %% of the left, and hold"
                    + " %.1f %% of the infection measured", rightLungPercent, leftLungPercent, infectionPercent);
        }
    }

    /** The origin of the infection mask, the lungs, and the reference when there is one. */
    public List<MaskOrigin> origins() {
        List<MaskOrigin> o = new ArrayList<>();
        o.add(userInfection != null
                ? MaskOrigin.userMask(MaskOrigin.INFECTION, userInfection.path(), classModel == null
                        ? userInfection.labels() : userInfection.labels() + "; covseg split it into 1 ground-glass"
                        + " opacity or 2 consolidation, the class the multi-class model " + classModel.name()
                        + " finds more probable")
                : MaskOrigin.model(infectionModel, classModel != null ? "0 where the probability is below "
                        + threshold + "; elsewhere 1 ground-glass opacity or 2 consolidation, the class the multi-class"
                        + " model " + classModel.name() + " finds more probable"
                        : "1 where the probability is at or above " + threshold + ", else 0"));
        o.add(userLungs != null ? MaskOrigin.userMask(MaskOrigin.LUNGS, userLungs.path(), userLungs.labels())
                : MaskOrigin.lungSegmentation("found on the CT, with the infection mask's lesions that touch a lung"
                        + " added to that lung (" + addedLung.describe() + "; a false positive against a lung is"
                        + " added too)", addedLung.rightLungPercent(), addedLung.leftLungPercent(),
                        addedLung.infectionPercent()));
        if (reference != null) {
            o.add(MaskOrigin.userMask(MaskOrigin.REFERENCE, reference.path(), reference.labels()));
        }
        return o;
    }

    /** What the infection mask's labels stand for. */
    public String infectionClasses() {
        if (classLabels) {
            return userInfection != null && classModel == null
                    ? "ground-glass opacity (label 1) and consolidation (label 2), from the user's infection mask"
                    : "ground-glass opacity (label 1) and consolidation (label 2): the infection mask split by the"
                    + " multi-class model " + classModel.name() + " " + classModel.version();
        }
        return userInfection != null ? "infection (any class), from the user's binary infection mask; no ground-glass"
                + " / consolidation split" : "infection (any class). " + AnalysisReport.noClassSplit(noClassesReason);
    }
}
