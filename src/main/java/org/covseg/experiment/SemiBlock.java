package org.covseg.experiment;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.covseg.CovsegException;
import org.covseg.semi.SemiRequest;
import org.covseg.train.SegmentationValidator;
import org.covseg.train.TrainingOptions;

/**
 * A named {@code semi} block of the config: the Semi-Inf-Net procedure ({@code covseg semi}) run once per fold into
 * {@code <out>/semi-supervised/<name>/fold-<i>}. Each fold starts from that fold's model of the cell {@code from}
 * (trained on the fold's training slices only) and validates on the fold's validation slices, so no validation slice
 * is ever seen in training. Unset keys take {@code covseg semi}'s defaults; size, scales, the loss and threads are
 * those of the {@code from} cell.
 */
record SemiBlock(String name, String from, Path unlabeled, int groupSize, int rounds, int limit, List<String> exclude,
                 boolean rewindow, int roundEpochs, int finalEpochs, int finetuneEpochs, int batchSize, double lr) {

    static final String DEFAULTS = """
            {"groupSize": 10, "rounds": 0, "limit": 60, "exclude": [], "rewindow": false, "roundEpochs": 1,
             "finalEpochs": 3, "finetuneEpochs": 3,
             "batchSize": 16, "lr": 3e-4}""";

    /** The values of keys added after blocks were first recorded: a record without one was made at this value. */
    static final ObjectNode RECORDED_DEFAULTS = JsonNodeFactory.instance.objectNode().put("rewindow", false)
            .set("exclude", JsonNodeFactory.instance.arrayNode());

    private static final Set<String> KEYS = Set.of("from", "unlabeled", "groupSize", "rounds", "limit", "exclude",
            "rewindow", "roundEpochs", "finalEpochs", "finetuneEpochs", "batchSize", "lr");

    /** Reads a block already merged over {@link #DEFAULTS}. */
    static SemiBlock of(String name, ConfigNode n, Function<String, Path> paths) {
        n.allowOnly(KEYS);
        SemiBlock block = new SemiBlock(name, n.text("from"), paths.apply(n.text("unlabeled")), n.whole("groupSize"),
                n.whole("rounds"), n.whole("limit"), n.texts("exclude"), n.flag("rewindow"), n.whole("roundEpochs"),
                n.whole("finalEpochs"), n.whole("finetuneEpochs"), n.whole("batchSize"), n.number("lr"));
        try {
            block.request(Path.of("check"), Path.of("check"), Path.of("check"), List.of(),
                    TrainingSettings.of(new ConfigNode(ExperimentConfig.json(TrainingSettings.DEFAULTS), "check")),
                    0, false, "check");
        } catch (CovsegException | IllegalArgumentException e) {
            throw n.error(e.getMessage());
        }
        return block;
    }

    /** The request for one fold: {@code start} is the fold's model of the {@code from} cell, made with {@code s}. */
    SemiRequest request(Path runDirectory, Path labeled, Path start, List<String> validation, TrainingSettings s,
            long seed, boolean resume, String command) {
        TrainingOptions options = new TrainingOptions(roundEpochs, batchSize, s.size(), s.scales(), lr, s.lrDecay(),
                0, s.clip(), s.weightDecay(), seed, SegmentationValidator.MEAN_DICE);
        return new SemiRequest(start, labeled, unlabeled, runDirectory, groupSize, rounds, limit, exclude, rewindow,
                roundEpochs, finalEpochs, finetuneEpochs, 0.2, validation, options, s.bce(), s.threads(), resume,
                "infection-semi-" + name, command);
    }
}
