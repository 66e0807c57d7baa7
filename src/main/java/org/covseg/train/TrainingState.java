package org.covseg.train;

import java.util.List;

/**
 * Everything besides the arrays that a resumed run needs to continue exactly: where it stopped (the next epoch and
 * the next optimiser step within it), the optimiser's step count, the partial sums of the current epoch, the best
 * validation score so far, the per-epoch history, and the recipe and objective it was made with.
 * The shuffling generator's state is (options.seed, epoch) — see {@link EpochOrder}.
 */
public record TrainingState(String objective, TrainingOptions options, int epoch, int step, long optimizerSteps,
        EpochTotals partial, Double bestScore, Integer bestEpoch, List<EpochRecord> history) {

    public TrainingState {
        history = List.copyOf(history);
    }

    /** The same state under a recipe that differs at most in the number of epochs. */
    TrainingState withOptions(TrainingOptions value) {
        return new TrainingState(objective, value, epoch, step, optimizerSteps, partial, bestScore, bestEpoch, history);
    }

    static TrainingState fresh(String objective, TrainingOptions options) {
        return new TrainingState(objective, options, 1, 0, 0, EpochTotals.EMPTY, null, null, List.of());
    }
}
