package org.covseg.analysis;

import org.covseg.infer.MulticlassMaps;

/**
 * How the infection mask is split into ground-glass opacity and consolidation: the single-class mask decides
 * whether a pixel is infected, the multi-class model only which class it is. Every infected pixel gets label 2
 * (consolidation) where the consolidation probability exceeds the ground-glass probability, else label 1
 * (ground-glass opacity, also on ties); pixels outside the mask stay 0, whatever the multi-class model's background
 * says. So the two classes add up exactly to the infection, and the POI of any class is the same with or without
 * the split.
 */
public final class ClassSplit {

    private ClassSplit() {
    }

    /** Labels 0 / 1 / 2 of one slice from its infection mask (non-zero infected) and class maps. */
    public static byte[] labels(float[] infection, MulticlassMaps classes) {
        if (infection.length != classes.ggo().length) {
            throw new IllegalArgumentException("an infection mask of " + infection.length + " pixels and class maps"
                    + " of " + classes.ggo().length);
        }
        byte[] labels = new byte[infection.length];
        for (int p = 0; p < labels.length; p++) {
            if (infection[p] != 0) {
                labels[p] = (byte) (classes.consolidation()[p] > classes.ggo()[p] ? 2 : 1);
            }
        }
        return labels;
    }
}
