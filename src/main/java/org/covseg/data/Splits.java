package org.covseg.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import org.covseg.CovsegException;
import org.covseg.io.AtomicFiles;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.covseg.CovsegException;

/**
 * Deterministic train/validation splits. The same names, fraction and seed give the same split whatever the
 * order of the names (they are sorted before a seeded shuffle); both sides keep the order of the given names.
 */
public final class Splits {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Splits() {
    }

    /**
     * A random {@code validationFraction} of the samples for validation: round(n · fraction) names, at least one
     * and at most n − 1 when the fraction is above 0.
     */
    public static Split byFraction(List<String> names, double validationFraction, long seed) {
        int target = validationSize(names.size(), validationFraction);
        List<String> shuffled = shuffled(names, seed);
        return split(names, new HashSet<>(shuffled.subList(0, target)));
    }

    /** The named samples for validation, the others for training. */
    public static Split byNames(List<String> names, Collection<String> validationNames) {
        Set<String> known = new HashSet<>(names);
        List<String> unknown = validationNames.stream().filter(n -> !known.contains(n)).distinct().toList();
        if (!unknown.isEmpty()) {
            throw new CovsegException(unknown.size() + " validation name(s) are not samples of the dataset: "
                    + FirstFew.of(unknown));
        }
        return split(names, new HashSet<>(validationNames));
    }

    /**
     * Whole groups (patients, CT volumes, source papers) for validation, so no group is on both sides. Groups are
     * taken in seeded random order, each one only if it brings the validation size closer to round(n · fraction)
     * and leaves training non-empty; if none does, the smallest group is taken, so validation is never empty
     * for a fraction above 0.
     */
    public static Split byGroup(List<String> names, Function<String, String> groupOf, double validationFraction,
            long seed) {
        int target = validationSize(names.size(), validationFraction);
        Map<String, List<String>> members = new LinkedHashMap<>();
        names.forEach(n -> members.computeIfAbsent(groupOf.apply(n), g -> new ArrayList<>()).add(n));
        if (target > 0 && members.size() < 2) {
            throw new CovsegException("a group-aware split needs at least 2 groups; all " + names.size()
                    + " samples are in one group");
        }
        Set<String> validation = new HashSet<>();
        List<String> order = shuffled(new ArrayList<>(members.keySet()), seed);
        for (String group : order) {
            int size = members.get(group).size();
            boolean closer = Math.abs(validation.size() + size - target) < Math.abs(validation.size() - target);
            if (closer && validation.size() + size < names.size()) {
                validation.addAll(members.get(group));
            }
        }
        if (validation.isEmpty() && target > 0) {
            String smallest = order.stream()
                    .min((a, b) -> Integer.compare(members.get(a).size(), members.get(b).size()))
                    .orElseThrow();
            validation.addAll(members.get(smallest));
        }
        return split(names, validation);
    }

    /**
     * {@link #byGroup} within each class: every class gives round(n_class · fraction) of its samples (as near as
     * whole groups allow) to validation, so both sides hold every class. Groups must not span classes.
     */
    public static Split byGroupWithinClasses(List<String> names, Function<String, String> groupOf,
            Function<String, String> classOf, double validationFraction, long seed) {
        Map<String, List<String>> classes = new LinkedHashMap<>();
        names.forEach(n -> classes.computeIfAbsent(classOf.apply(n), c -> new ArrayList<>()).add(n));
        Set<String> validation = new HashSet<>();
        for (List<String> members : classes.values()) {
            validation.addAll(byGroup(members, groupOf, validationFraction, seed).validation());
        }
        return split(names, validation);
    }

    /**
     * {@code k} folds for cross-validation: the names are sorted, shuffled with the seed and dealt round-robin, so
     * every name is validated in exactly one fold and fold sizes differ by at most one. Fold {@code i}'s split
     * validates on its own names and trains on all the others.
     */
    public static List<Split> kFold(List<String> names, int k, long seed) {
        if (k < 2 || k > names.size()) {
            throw new CovsegException("k-fold needs between 2 and " + names.size() + " folds (one per sample at"
                    + " most), got " + k);
        }
        List<String> shuffled = shuffled(names, seed);
        List<Split> folds = new ArrayList<>();
        for (int fold = 0; fold < k; fold++) {
            Set<String> validation = new HashSet<>();
            for (int i = fold; i < shuffled.size(); i += k) {
                validation.add(shuffled.get(i));
            }
            folds.add(split(names, validation));
        }
        return List.copyOf(folds);
    }

    private static int validationSize(int n, double fraction) {
        if (!(fraction >= 0 && fraction < 1)) {
            throw new CovsegException("the validation fraction must be at least 0 and below 1, got " + fraction);
        }
        if (fraction == 0) {
            return 0;
        }
        if (n < 2) {
            throw new CovsegException("cannot split " + n + " sample(s) into training and validation");
        }
        return (int) Math.max(1, Math.min(n - 1, Math.round(n * fraction)));
    }

    private static List<String> shuffled(List<String> names, long seed) {
        List<String> sorted = new ArrayList<>(new TreeSet<>(names));
        if (sorted.size() != names.size()) {
            throw new IllegalArgumentException("sample names must be unique");
        }
        Collections.shuffle(sorted, new Random(seed));
        return sorted;
    }

    private static Split split(List<String> names, Set<String> validation) {
        List<String> train = new ArrayList<>();
        List<String> val = new ArrayList<>();
        for (String n : names) {
            (validation.contains(n) ? val : train).add(n);
        }
        return new Split(train, val);
    }

    /** Reads a split written by {@link #write} (a training run's split.json). */
    public static Split read(Path file) {
        try {
            return JSON.readValue(file.toFile(), Split.class);
        } catch (IOException e) {
            throw new CovsegException("cannot read the split " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes a split as JSON {"train": [...], "validation": [...]}. */
    public static void write(Split split, Path file) throws IOException {
        AtomicFiles.writeString(file, JSON.writeValueAsString(split) + "\n");
    }
}
