package org.covseg.evaluation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.covseg.CovsegException;
import org.covseg.data.FirstFew;

/**
 * The pairs found in a prediction folder and a ground-truth folder, and the files of either side that have no
 * partner. Unpartnered files are not evaluated: {@link #warnings()} describes them, {@link #requireComplete()} makes
 * them an error.
 *
 * @param truthLayout             how the ground truth was read, in words (for reports)
 * @param predictionsWithoutTruth base names of prediction files without ground truth
 * @param truthWithoutPrediction  base names of the prediction files the ground truth expected but did not find
 */
public record FolderPairs(Path predictions, Path truth, String truthLayout, List<FilePair> pairs,
                          List<String> predictionsWithoutTruth, List<String> truthWithoutPrediction) {

    public FolderPairs {
        pairs = List.copyOf(pairs);
        predictionsWithoutTruth = List.copyOf(predictionsWithoutTruth);
        truthWithoutPrediction = List.copyOf(truthWithoutPrediction);
    }

    /** The pairs, each read when the iteration reaches it. */
    public Iterable<PredictionPair> read() {
        return () -> pairs.stream().map(FilePair::read).iterator();
    }

    /** One line per side with files lacking a partner (none when every file is paired). */
    public List<String> warnings() {
        List<String> lines = new ArrayList<>();
        if (!predictionsWithoutTruth.isEmpty()) {
            lines.add(predictionsWithoutTruth.size() + " prediction(s) in " + predictions + " have no ground truth in "
                    + truth + " and are not evaluated: " + FirstFew.of(predictionsWithoutTruth));
        }
        if (!truthWithoutPrediction.isEmpty()) {
            lines.add(truthWithoutPrediction.size() + " ground truth(s) in " + truth + " have no prediction in "
                    + predictions + " and are not evaluated; missing: " + FirstFew.of(truthWithoutPrediction));
        }
        return lines;
    }

    /** Fails when any file lacks a partner. */
    public void requireComplete() {
        List<String> problems = warnings();
        if (!problems.isEmpty()) {
            throw new CovsegException(String.join("; ", problems) + " (--strict: every file must have a partner)");
        }
    }
}
