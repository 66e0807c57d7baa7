package org.covseg.experiment;

import java.util.Arrays;
import java.util.List;
import org.covseg.evaluation.InfectionClass;
import org.covseg.train.MulticlassValidator;
import org.covseg.train.SegmentationValidator;

/** What the cells train: the single-class Inf-Net or the multi-class (ground-glass, consolidation) U-Net. */
public enum Task {
    infection(SegmentationValidator.MEAN_DICE),
    multiclass(MulticlassValidator.MEAN_CLASS_DICE);

    private final String bestMetric;

    Task(String bestMetric) {
        this.bestMetric = bestMetric;
    }

    /** The validation score that picks the exported epoch, as {@code covseg train} does. */
    String bestMetric() {
        return bestMetric;
    }

    /** The classes its evaluation reports, as {@code covseg evaluate} names them. */
    List<String> classes() {
        return this == infection ? List.of(InfectionClass.INFECTION)
                : Arrays.stream(InfectionClass.values()).map(InfectionClass::key).toList();
    }
}
