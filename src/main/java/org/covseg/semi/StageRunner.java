package org.covseg.semi;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.covseg.nn.Bilinear;
import org.covseg.nn.InfNet;
import org.covseg.nn.StateDict;
import org.covseg.train.AugmentedTrainingSet;
import org.covseg.train.BceWeighting;
import org.covseg.train.CheckpointStore;
import org.covseg.train.InfNetObjective;
import org.covseg.train.ModelArrays;
import org.covseg.train.SegmentationValidator;
import org.covseg.train.SliceTrainingSet;
import org.covseg.train.Trainer;
import org.covseg.train.TrainingOptions;
import org.covseg.train.TrainingRun;
import org.covseg.train.TrainingState;

/**
 * Trains the one network of a semi-supervised run stage by stage, each stage with its own {@link Trainer} in its own
 * folder (metrics.csv, loss.png, checkpoints), validating every epoch on the labeled validation slices.
 */
final class StageRunner {

    private final InfNet net;
    private final NDManager manager;
    private final TrainingOptions options;
    private final BceWeighting bceWeighting;
    private final SliceTrainingSet validation;
    private final PrintWriter log;

    StageRunner(InfNet net, NDManager manager, TrainingOptions options, BceWeighting bceWeighting,
            SliceTrainingSet validation, PrintWriter log) {
        this.net = net;
        this.manager = manager;
        this.options = options;
        this.bceWeighting = bceWeighting;
        this.validation = validation;
        this.log = log;
    }

    /** The trainer of the stage in {@code dir} that runs {@code epochs} epochs. */
    Trainer trainer(Path dir, int epochs) {
        return new Trainer(net, manager, new InfNetObjective(bceWeighting), (x, h, w) -> Bilinear.resize(x, h, w, true),
                options.withEpochs(epochs), dir);
    }

    /** Whether the stage in {@code dir} has run all of its {@code epochs}. */
    static boolean finished(Path dir, int epochs) throws IOException {
        CheckpointStore checkpoints = Trainer.checkpointsOf(dir);
        return checkpoints.exists(CheckpointStore.LAST) && checkpoints.readState(CheckpointStore.LAST).epoch() > epochs;
    }

    /**
     * Trains {@code trainer} on {@code train} (augmented as the options say), continuing its stage if it has a
     * checkpoint; false if a stop was requested.
     */
    boolean fit(Trainer trainer, SliceTrainingSet train) throws IOException {
        boolean resume = trainer.checkpoints().exists(CheckpointStore.LAST);
        return TrainingRun.fit(trainer, AugmentedTrainingSet.of(train, options.augmentation(), options.seed()),
                validation, new SegmentationValidator(), resume, log);
    }

    /** Puts the weights of a safetensors state dict into the network. */
    void loadWeights(Path safetensors) throws IOException {
        StateDict.of(net).load(safetensors);
    }

    /** Puts the last weights of the stage in {@code dir} into the network. */
    void loadLastWeights(Path dir) throws IOException {
        Trainer.checkpointsOf(dir).loadWeights(CheckpointStore.LAST, ModelArrays.all(net), manager);
    }

    /** The stage's state after its last epoch. */
    static TrainingState lastState(Path dir) throws IOException {
        return Trainer.checkpointsOf(dir).readState(CheckpointStore.LAST);
    }
}
