package org.covseg.train;

import java.util.List;
import java.util.Map;

/** Scores the predictions on the validation slices after each epoch (for example Dice and IoU at 0.5). */
@FunctionalInterface
public interface Validator {

    /** Named scores, in the order they should appear in {@code metrics.csv}. */
    Map<String, Double> score(List<ValidationSlice> slices);
}
