package org.covseg.pretrain;

import java.nio.file.Path;
import java.util.List;
import org.covseg.CovsegException;
import org.covseg.nn.NetworkSize;
import org.covseg.nn.SegmentationArchitecture;

/**
 * Everything a pre-training run is made of.
 *
 * @param network           the inpainter's width and input size (multiples of 32 suit every architecture)
 * @param architecture      the inpainter: the network that {@code train --init} will fine-tune
 * @param data              folders of unlabeled images (see {@code Datasets.openImages})
 * @param limit             use at most this many slices (a seeded random subset); 0 for all
 * @param rewindow          re-window the slices of each volume (image group) to the models' window first, the window
 *                          it was exported with estimated from its grey peaks ({@code SliceRewindow})
 * @param warmupEpochs      round 0: inpainter epochs with random masks ({@link MaskMode#COACH}) or with the mode's
 *                          masks
 * @param rounds            coach mode: rounds of {coach, inpainter}; other modes add
 *                          {@code rounds·inpaintEpochs} inpainter epochs to round 0, so every mode trains the
 *                          inpainter for the same number of epochs
 * @param keepFraction      share of the 16x16 cells kept (the rest is erased); cutout erases one rectangle of the
 *                          same share
 * @param coachWidth        channel multiplier of the coach's ResNet-18 trunk
 * @param prior             null for a single-class network; for the multi-class U-Net, the infection model whose
 *                          probability map is the second half of its input (as in {@code train --task multiclass})
 */
public record PretrainingRequest(List<Path> data, Path runDirectory, MaskMode mode, NetworkSize network,
                                 SegmentationArchitecture architecture,
                                 int batchSize, int warmupEpochs, int rounds, int coachEpochs, int inpaintEpochs,
                                 double learningRate, double coachLearningRate, double coachWidth,
                                 double keepFraction, int limit, boolean rewindow, long seed, int threads,
                                 boolean resume,
                                 String modelName, String command, Path prior) {

    public PretrainingRequest {
        data = List.copyOf(data);
        require(!data.isEmpty(), "give at least one --data folder of images");
        require(warmupEpochs >= 1, "--epochs must be at least 1, got " + warmupEpochs);
        require(rounds >= 0 && coachEpochs >= 1 && inpaintEpochs >= 1,
                "--rounds must be >= 0 and --coach-epochs and --inpaint-epochs >= 1");
        require(keepFraction > 0 && keepFraction < 1, "--keep must be between 0 and 1, got " + keepFraction);
        require(batchSize >= 1, "--batch-size must be at least 1, got " + batchSize);
        require(learningRate > 0 && coachLearningRate > 0, "learning rates must be positive");
        require(coachWidth > 0, "--coach-width must be positive, got " + coachWidth);
        require(limit >= 0, "--limit must not be negative, got " + limit);
        require(prior == null || architecture == SegmentationArchitecture.UNET,
                "the multi-class network is a U-Net: --task multiclass takes no --arch");
    }

    /** The training phases in order, each run by its own trainer in its own sub-folder. */
    public List<PretrainingPhase> phases() {
        if (mode != MaskMode.COACH) {
            return List.of(new PretrainingPhase("inpainter", false, 0, warmupEpochs + rounds * inpaintEpochs));
        }
        List<PretrainingPhase> phases = new java.util.ArrayList<>();
        phases.add(new PretrainingPhase("round-0-inpainter", false, 0, warmupEpochs));
        for (int round = 1; round <= rounds; round++) {
            phases.add(new PretrainingPhase("round-" + round + "-coach", true, round, coachEpochs));
            phases.add(new PretrainingPhase("round-" + round + "-inpainter", false, round, inpaintEpochs));
        }
        return List.copyOf(phases);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new CovsegException(message);
        }
    }
}
