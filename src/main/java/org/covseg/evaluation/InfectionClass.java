package org.covseg.evaluation;

/**
 * The infection classes a multi-class result is scored on: the suffix of their probability-map files
 * ({@code <name>_ggo.png}, {@code <name>_consolidation.png}), the folder of their binary masks, and their index in a
 * label map (COVID-SemiSeg's multi-class ground truth: 0 background, 1 ground-glass opacity, 2 consolidation).
 */
public enum InfectionClass {
    GGO("ggo", 1, "ground-glass opacity"),
    CONSOLIDATION("consolidation", 2, "consolidation");

    /** The class name of a single-class (binary) evaluation. */
    public static final String INFECTION = "infection";

    private final String key;
    private final int label;
    private final String description;

    InfectionClass(String key, int label, String description) {
        this.key = key;
        this.label = label;
        this.description = description;
    }

    /** The short name used in file names, folder names and reports. */
    public String key() {
        return key;
    }

    /** The class's index in a label map. */
    public int label() {
        return label;
    }

    public String description() {
        return description;
    }
}
