package org.covseg.severity;

/** What the values of an infection mask mean. */
public enum InfectionLabels {
    /** 0 no infection, 1 ground-glass opacity, 2 consolidation (the multi-class network's output). */
    GROUND_GLASS_AND_CONSOLIDATION(2, "0 none, 1 ground-glass opacity, 2 consolidation"),
    /** 0 no infection, 1 infection of unknown class (the single-class network's output). */
    BINARY(1, "0 none, 1 infection (class unknown)");

    private final int maxLabel;
    private final String meaning;

    InfectionLabels(int maxLabel, String meaning) {
        this.maxLabel = maxLabel;
        this.meaning = meaning;
    }

    /** The largest value a voxel of such a mask may hold. */
    public int maxLabel() {
        return maxLabel;
    }

    public String meaning() {
        return meaning;
    }
}
