package org.covseg.semi;

import java.nio.file.Path;
import java.util.List;
import org.covseg.CovsegException;
import org.covseg.train.BceWeighting;
import org.covseg.train.TrainingOptions;

/**
 * Everything a semi-supervised run is made of.
 *
 * @param startModel       the single-class infection model trained on the labeled slices; its width is kept
 * @param labeled          the labeled dataset (e.g. COVID-SemiSeg Doctor-label)
 * @param unlabeled        a folder of unlabeled images (see {@code Datasets.openImages})
 * @param groupSize        unlabeled slices pseudo-labelled per round
 * @param rounds           rounds to run, 0 for one per group
 * @param limit            use a seeded random subset of this many unlabeled slices, 0 for all
 * @param exclude          globs of unlabeled volumes to leave out ({@link VolumeSelection}), applied before the limit
 * @param rewindow         read each unlabeled volume re-windowed to the start model's window, the window it was
 *                         exported with estimated from its grey peaks ({@code RewindowedImages})
 * @param roundEpochs      fine-tuning epochs per round
 * @param finalEpochs      epochs of the final training on all pseudo labels
 * @param finetuneEpochs   epochs of the last fine-tuning on the labeled slices
 * @param validationNames  labeled slices to validate on; empty for the start model's recorded validation slices, or
 *                         else a random {@code validationFraction}
 * @param options          the recipe of every stage (its epoch count is replaced by the stage's)
 */
public record SemiRequest(Path startModel, Path labeled, Path unlabeled, Path runDirectory, int groupSize, int rounds,
                          int limit, List<String> exclude, boolean rewindow, int roundEpochs, int finalEpochs,
                          int finetuneEpochs, double validationFraction, List<String> validationNames,
                          TrainingOptions options, BceWeighting bceWeighting, int threads, boolean resume,
                          String modelName, String command) {

    public SemiRequest {
        validationNames = List.copyOf(validationNames);
        exclude = List.copyOf(exclude);
        require(groupSize >= 1, "--group-size must be at least 1, got " + groupSize);
        require(rounds >= 0, "--rounds must not be negative, got " + rounds);
        require(limit >= 0, "--limit must not be negative, got " + limit);
        require(roundEpochs >= 1, "--round-epochs must be at least 1, got " + roundEpochs);
        require(finalEpochs >= 1, "--final-epochs must be at least 1, got " + finalEpochs);
        require(finetuneEpochs >= 1, "--finetune-epochs must be at least 1, got " + finetuneEpochs);
        require(threads >= 1, "--threads must be at least 1, got " + threads);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new CovsegException(message);
        }
    }
}
