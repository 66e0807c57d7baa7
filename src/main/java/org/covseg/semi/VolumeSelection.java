package org.covseg.semi;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.covseg.CovsegException;
import org.covseg.data.SliceDataset;
import org.covseg.image.Volume;

/**
 * The unlabeled volumes kept and left out by exclude patterns (globs on the volume names, i.e. the slice names
 * without their trailing "_index" in COVID-SemiSeg's Unlabeled folder; each image is its own volume elsewhere), with
 * the kept slices of each volume in the dataset's order.
 */
public record VolumeSelection(Map<String, List<String>> slicesByKeptVolume, List<String> excluded) {

    public static VolumeSelection of(SliceDataset<Volume> unlabeled, List<String> patterns, Path dir) {
        Map<String, List<String>> byVolume = new LinkedHashMap<>();
        for (String name : unlabeled.names()) {
            byVolume.computeIfAbsent(unlabeled.group(name), v -> new ArrayList<>()).add(name);
        }
        List<String> excluded = new ArrayList<>();
        for (String pattern : patterns) {
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
            List<String> matched = byVolume.keySet().stream().filter(v -> matcher.matches(Path.of(v))).toList();
            if (matched.isEmpty()) {
                throw new CovsegException("--exclude '" + pattern + "' matches no volume of " + dir
                        + " (volumes are slice names without the trailing _<index>, e.g. "
                        + byVolume.keySet().iterator().next() + ")");
            }
            matched.stream().filter(v -> !excluded.contains(v)).forEach(excluded::add);
        }
        excluded.forEach(byVolume::remove);
        if (byVolume.isEmpty() && !patterns.isEmpty()) {
            throw new CovsegException("--exclude leaves no volume of " + dir + " to pseudo-label");
        }
        return new VolumeSelection(byVolume, List.copyOf(excluded));
    }

    public List<String> kept() {
        return List.copyOf(slicesByKeptVolume.keySet());
    }

    public List<String> slicesOf(String volume) {
        return slicesByKeptVolume.get(volume);
    }

    public List<String> slices() {
        return slicesByKeptVolume.values().stream().flatMap(List::stream).toList();
    }

    public Map<String, Integer> slicesPerKeptVolume() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        slicesByKeptVolume.forEach((v, names) -> counts.put(v, names.size()));
        return counts;
    }
}
