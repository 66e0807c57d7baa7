package org.covseg.semi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.covseg.CovsegException;
import org.covseg.io.AtomicFiles;

/**
 * What a semi-supervised run does, fixed when it starts and kept in {@code <run>/plan.json}: a resumed run must have
 * the same plan, or its saved pseudo labels and stages would not fit together.
 *
 * @param rewindow whether the unlabeled volumes are read re-windowed (false in plans written before it existed)
 * @param groups   the unlabeled slices of each round, in order ({@link UnlabeledGroups}); one group per round
 */
public record SemiPlan(String startModelSha256, String unlabeled, int groupSize, int limit, List<String> exclude,
                       boolean rewindow, int roundEpochs, int finalEpochs, int finetuneEpochs, float threshold,
                       List<List<String>> groups) {

    static final String FILE = "plan.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public SemiPlan {
        groups = List.copyOf(groups);
        exclude = exclude == null ? List.of() : List.copyOf(exclude); // plans written before --exclude existed
    }

    public int rounds() {
        return groups.size();
    }

    public int pseudoLabels() {
        return groups.stream().mapToInt(List::size).sum();
    }

    /** The plan as a model's {@code model.json} records it (without the slice names). */
    Map<String, Object> summary() {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("procedure", "Semi-Inf-Net: pseudo-label a group per round and fine-tune; then train on all pseudo"
                + " labels from the start model's weights and fine-tune on the labeled slices");
        info.put("unlabeled", unlabeled);
        info.put("rounds", rounds());
        info.put("groupSize", groupSize);
        info.put("limit", limit);
        info.put("exclude", exclude);
        info.put("rewindow", rewindow);
        info.put("pseudoLabels", pseudoLabels());
        info.put("threshold", threshold);
        info.put("roundEpochs", roundEpochs);
        info.put("finalEpochs", finalEpochs);
        info.put("finetuneEpochs", finetuneEpochs);
        info.put("finalInit", "start model");
        return info;
    }

    void write(Path dir) throws IOException {
        AtomicFiles.writeString(dir.resolve(FILE), JSON.writeValueAsString(this) + "\n");
    }

    static SemiPlan read(Path dir) {
        Path file = dir.resolve(FILE);
        try {
            return JSON.readValue(file.toFile(), SemiPlan.class);
        } catch (IOException e) {
            throw new CovsegException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
