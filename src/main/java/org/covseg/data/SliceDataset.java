package org.covseg.data;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.covseg.CovsegException;

/**
 * A dataset of 2-D samples on disk, listed eagerly (names, groups, file paths) and read lazily: {@link #load}
 * reads the files each time it is called, so large sets (1,600 unlabeled slices) cost no memory until used.
 *
 * @param <S> what one sample reads as: {@link LabeledSlice}, {@link ClassifiedSlice}, or a
 *            {@link org.covseg.image.Volume} for unlabeled images
 */
public final class SliceDataset<S> {

    /**
     * One sample: its unique name, its group (samples of one group, e.g. one patient, volume or source paper,
     * must stay on one side of a split; the name itself when nothing is known) and how to read it.
     */
    public record Entry<S>(String name, String group, Supplier<S> reader) {
    }

    private final String description;
    private final List<Entry<S>> entries;
    private final Map<String, Integer> indexOfName = new HashMap<>();

    public SliceDataset(String description, List<Entry<S>> entries) {
        this.description = description;
        this.entries = List.copyOf(entries);
        for (int i = 0; i < this.entries.size(); i++) {
            if (indexOfName.put(this.entries.get(i).name(), i) != null) {
                throw new IllegalArgumentException("duplicate sample name " + this.entries.get(i).name());
            }
        }
    }

    /** What this is and where it lives, e.g. "COVID-SemiSeg lung infection, /data/.../Doctor-label". */
    public String description() {
        return description;
    }

    public int size() {
        return entries.size();
    }

    /** Sample names in the dataset's order (natural order of file names). */
    public List<String> names() {
        List<String> names = new ArrayList<>(entries.size());
        entries.forEach(e -> names.add(e.name()));
        return Collections.unmodifiableList(names);
    }

    /** Group key of a sample, for group-aware splits. */
    public String group(String name) {
        return entries.get(indexOf(name)).group();
    }

    /** Reads sample i from disk. */
    public S load(int index) {
        return entries.get(index).reader().get();
    }

    public S load(String name) {
        return load(indexOf(name));
    }

    /** Reads every sample (fine for the 50 training slices; prefer {@link #load} for large sets). */
    public List<S> loadAll() {
        List<S> all = new ArrayList<>(entries.size());
        entries.forEach(e -> all.add(e.reader().get()));
        return all;
    }

    /** The samples with the given names, in this dataset's order (e.g. one side of a {@link Split}). */
    public SliceDataset<S> select(Collection<String> names) {
        Set<String> wanted = new LinkedHashSet<>(names);
        List<String> unknown = wanted.stream().filter(n -> !indexOfName.containsKey(n)).toList();
        if (!unknown.isEmpty()) {
            throw new CovsegException(unknown.size() + " sample name(s) not in " + description + ": "
                    + FirstFew.of(unknown));
        }
        List<Entry<S>> kept = entries.stream().filter(e -> wanted.contains(e.name())).toList();
        return new SliceDataset<>(description + " (" + kept.size() + " of " + entries.size() + ")", kept);
    }

    private int indexOf(String name) {
        Integer i = indexOfName.get(name);
        if (i == null) {
            throw new CovsegException("no sample named \"" + name + "\" in " + description);
        }
        return i;
    }

    @Override
    public String toString() {
        return description + ": " + entries.size() + " samples";
    }
}
