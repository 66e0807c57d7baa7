package org.covseg.evaluation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.covseg.CovsegException;
import org.covseg.data.FirstFew;
import org.covseg.data.ImageFolder;

/**
 * Pairs saved predictions with ground truth by file base name (extensions may differ: {@code 3.png} against
 * {@code 3.jpg}). Image files directly in each folder are listed (PNG, JPEG, TIFF, BMP; hidden files skipped).
 *
 * <ul>
 *   <li>{@link #binary}: prediction {@code <name>.png} against the binary mask {@code <name>.png}.</li>
 *   <li>{@link #classes}: predictions {@code <name>_ggo.png} and {@code <name>_consolidation.png} against either a
 *   label map {@code <name>.png} (0 background, 1 ground-glass opacity, 2 consolidation) or, when the ground-truth
 *   folder has sub-folders {@code ggo/} and/or {@code consolidation/}, the binary masks {@code ggo/<name>.png} and
 *   {@code consolidation/<name>.png}.</li>
 *   <li>{@link #classLabels}: each class of the predicted label maps {@code <name>_labels.png} (0 background, 1
 *   ground-glass opacity, 2 consolidation) against the same ground truth as {@link #classes}; other files in the
 *   predictions folder are not looked at.</li>
 * </ul>
 * Pairs come class by class (ggo first), each in the ground truth's natural name order. Missing or empty folders, and no pair at all, are user errors.
 */
public final class PredictionFolders {

    private static final String LABELS_SUFFIX = "_labels";

    private PredictionFolders() {
    }

    public static FolderPairs binary(Path predictions, Path truth) {
        Map<String, Predicted> predicted = maps(predictions);
        Map<String, Candidate> expected = new LinkedHashMap<>();
        ImageFolder.byBaseName(truth).forEach((name, file) ->
                expected.put(name, new Candidate(name, InfectionClass.INFECTION, TruthFile.mask(file))));
        String hint = predicted.keySet().stream().anyMatch(PredictionFolders::hasClassSuffix)
                ? "; the predictions look like per-class maps: add --classes" : "";
        return match(predictions, truth, "binary masks (foreground > 128, or > 0 for 0/1 masks)", predicted,
                expected, hint);
    }

    public static FolderPairs classes(Path predictions, Path truth) {
        return classes(predictions, truth, maps(predictions),
                "; with --classes the predictions are named <name>_ggo and <name>_consolidation");
    }

    public static FolderPairs classLabels(Path predictions, Path truth) {
        Map<String, Predicted> predicted = new LinkedHashMap<>();
        ImageFolder.byBaseName(predictions).forEach((baseName, file) -> {
            if (baseName.endsWith(LABELS_SUFFIX)) {
                String name = baseName.substring(0, baseName.length() - LABELS_SUFFIX.length());
                for (InfectionClass c : InfectionClass.values()) {
                    predicted.put(key(name, c), new Predicted(file, Optional.of(c)));
                }
            }
        });
        return classes(predictions, truth, predicted, "; with --labels the predictions are label maps named"
                + " <name>" + LABELS_SUFFIX);
    }

    private static FolderPairs classes(Path predictions, Path truth, Map<String, Predicted> predicted, String hint) {
        ImageFolder.requireFolder(truth);
        Map<String, Candidate> expected = new LinkedHashMap<>();
        boolean perClassFolders = false;
        for (InfectionClass c : InfectionClass.values()) {
            Optional<Path> folder = ImageFolder.child(truth, c.key());
            if (folder.isPresent()) {
                perClassFolders = true;
                ImageFolder.byBaseName(folder.get()).forEach((name, file) -> expected.put(key(name, c),
                        new Candidate(name, c.key(), TruthFile.mask(file))));
            }
        }
        String layout = "per-class binary masks in ggo/ and consolidation/ (foreground > 128, or > 0 for 0/1 masks)";
        if (!perClassFolders) {
            layout = "label maps (1 ground-glass opacity, 2 consolidation)";
            Map<String, Path> labelMaps = ImageFolder.byBaseName(truth);
            for (InfectionClass c : InfectionClass.values()) {
                labelMaps.forEach((name, file) ->
                        expected.put(key(name, c), new Candidate(name, c.key(), TruthFile.labelMap(file, c))));
            }
        }
        return match(predictions, truth, layout, predicted, expected, hint);
    }

    private static Map<String, Predicted> maps(Path predictions) {
        Map<String, Predicted> predicted = new LinkedHashMap<>();
        ImageFolder.byBaseName(predictions).forEach((name, file) ->
                predicted.put(name, new Predicted(file, Optional.empty())));
        return predicted;
    }

    private static String key(String name, InfectionClass c) {
        return name + "_" + c.key();
    }

    private static boolean hasClassSuffix(String baseName) {
        for (InfectionClass c : InfectionClass.values()) {
            if (baseName.endsWith("_" + c.key())) {
                return true;
            }
        }
        return false;
    }

    private static FolderPairs match(Path predictions, Path truth, String layout, Map<String, Predicted> predicted,
                                     Map<String, Candidate> expected, String hint) {
        List<FilePair> pairs = new ArrayList<>();
        List<String> truthWithoutPrediction = new ArrayList<>();
        expected.forEach((key, candidate) -> {
            Predicted p = predicted.get(key);
            if (p == null) {
                truthWithoutPrediction.add(key);
            } else {
                pairs.add(new FilePair(candidate.name(), candidate.className(), p.file(), p.labelOf(),
                        candidate.truth()));
            }
        });
        List<String> predictionsWithoutTruth = predicted.keySet().stream()
                .filter(key -> !expected.containsKey(key)).toList();
        if (pairs.isEmpty()) {
            throw new CovsegException("no prediction in " + predictions + " matches a ground truth in " + truth
                    + " by name (predictions: " + FirstFew.of(predicted.keySet()) + "; expected: "
                    + FirstFew.of(expected.keySet()) + ")" + hint);
        }
        return new FolderPairs(predictions, truth, layout, pairs, predictionsWithoutTruth, truthWithoutPrediction);
    }

    private record Candidate(String name, String className, TruthFile truth) {
    }

    /** A prediction file: a probability map, or one class of a label map. */
    private record Predicted(Path file, Optional<InfectionClass> labelOf) {
    }
}
