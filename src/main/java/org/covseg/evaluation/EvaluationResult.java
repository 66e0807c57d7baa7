package org.covseg.evaluation;

import java.util.List;
import org.covseg.metrics.Bootstrap;
import org.covseg.metrics.ImageEvaluation;

/**
 * Everything an evaluation run computed, ready to be printed and written.
 *
 * @param classes   one result per class, in the order the classes first appeared
 * @param pairs     the number of pairs evaluated over all classes
 * @param resized   how many saved predictions were resized to their ground truth's size
 * @param threshold the probability at or above which a pixel counts as predicted for Dice, IoU and HD95
 * @param bootstrap how the classes' meanDic intervals were made
 */
public record EvaluationResult(List<ClassResult> classes, int pairs, int resized, double threshold,
                               Bootstrap bootstrap) {

    public EvaluationResult {
        classes = List.copyOf(classes);
    }

    /** The classes whose every ground-truth mask is empty: their Dice and sensitivity can only be 0. */
    public List<String> classesWithoutTruth() {
        return classes.stream()
                .filter(c -> !c.images().isEmpty() && c.images().stream().noneMatch(ImageEvaluation::hasTruth))
                .map(ClassResult::className)
                .toList();
    }

    /** True for a single-class result (the one class {@value InfectionClass#INFECTION}). */
    public boolean singleClass() {
        return classes.size() == 1 && classes.get(0).className().equals(InfectionClass.INFECTION);
    }
}
