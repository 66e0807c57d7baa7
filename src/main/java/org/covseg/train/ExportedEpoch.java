package org.covseg.train;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The epoch a finished run exports as its model: the best by validation if there is one, else the last.
 *
 * @param checkpoint {@link CheckpointStore#BEST} or {@link CheckpointStore#LAST}
 * @param validation that epoch's number, validation loss and scores, for {@code model.json}
 * @param training   the run's training information with the epochs run and the seconds spent added
 */
record ExportedEpoch(String checkpoint, int epoch, Map<String, Object> validation, Map<String, Object> training) {

    /** Loads the exported epoch's weights into {@code net} and describes it. */
    static ExportedEpoch load(CheckpointStore checkpoints, Block net, NDManager manager,
            Map<String, Object> trainingInfo) throws IOException {
        String source = checkpoints.exists(CheckpointStore.BEST) ? CheckpointStore.BEST : CheckpointStore.LAST;
        TrainingState run = checkpoints.readState(CheckpointStore.LAST);
        checkpoints.loadWeights(source, ModelArrays.all(net), manager);
        Map<String, Object> validation = new LinkedHashMap<>();
        int epoch = run.bestEpoch() != null ? run.bestEpoch() : run.epoch() - 1;
        for (EpochRecord e : run.history()) {
            if (e.epoch() == epoch) {
                validation.put("epoch", epoch);
                validation.put("loss", e.validationLoss());
                validation.putAll(e.validation());
            }
        }
        Map<String, Object> training = new LinkedHashMap<>(trainingInfo);
        training.put("epochsRun", run.history().size());
        training.put("seconds", Math.round(run.history().stream().mapToDouble(EpochRecord::seconds).sum()));
        return new ExportedEpoch(source, epoch, validation, training);
    }
}
