package org.covseg.io;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Whether a series' description or Body Part Examined names a body region other than the chest. */
final class BodyRegionNames {

    /** Word beginnings that name the chest (in English, German, Spanish, Italian): "Thorax", "CHEST", "Lung 1.0"... */
    private static final List<String> CHEST = List.of("CHEST", "THOR", "THX", "LUNG", "PULM", "TORAX", "TORAC", "HRCT");
    private static final List<String> OTHER = List.of("ABD", "PELV", "HEAD", "BRAIN", "NECK", "SKULL");

    private BodyRegionNames() {
    }

    /** True when the texts name another region and never the chest: "ABD PELVIS 5mm", not "Thorax Abdomen". */
    static boolean onlyOtherThanChest(String... texts) {
        List<String> words = Arrays.stream(texts)
                .flatMap(t -> Arrays.stream(t.toUpperCase(Locale.ROOT).split("[^A-Z]+")))
                .filter(w -> !w.isEmpty())
                .toList();
        return words.stream().anyMatch(w -> OTHER.stream().anyMatch(w::startsWith))
                && words.stream().noneMatch(w -> CHEST.stream().anyMatch(w::startsWith));
    }
}
