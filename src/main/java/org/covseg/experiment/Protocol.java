package org.covseg.experiment;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.covseg.data.Split;
import org.covseg.data.Splits;

/**
 * How the labeled slices are split for validation: {@code k} folds ({@link Splits#kFold}, from the experiment's
 * seed), a split file ({@code split.json} of a training run), or explicit validation names. The last two give one
 * fold.
 */
record Protocol(Integer folds, Path splitFile, List<String> validation) {

    static Protocol of(ConfigNode n, Function<String, Path> paths) {
        n.allowOnly(Set.of("folds", "split", "validation"));
        int given = (n.has("folds") ? 1 : 0) + (n.has("split") ? 1 : 0) + (n.has("validation") ? 1 : 0);
        if (given != 1) {
            throw n.error("give exactly one of {\"folds\": k}, {\"split\": \"split.json\"} or"
                    + " {\"validation\": [names]}");
        }
        if (n.has("folds")) {
            return kFold(n.whole("folds"));
        }
        if (n.has("split")) {
            return new Protocol(null, paths.apply(n.text("split")), null);
        }
        return new Protocol(null, null, List.copyOf(n.texts("validation")));
    }

    static Protocol kFold(int k) {
        return new Protocol(k, null, null);
    }

    List<Split> splits(List<String> names, long seed) {
        if (folds != null) {
            return Splits.kFold(names, folds, seed);
        }
        if (splitFile != null) {
            return List.of(Splits.byNames(names, Splits.read(splitFile).validation()));
        }
        return List.of(Splits.byNames(names, validation));
    }

    String describe() {
        if (folds != null) {
            return folds + "-fold cross-validation of the labeled slices";
        }
        return splitFile != null ? "the validation slices of " + splitFile : "the validation slices " + validation;
    }
}
