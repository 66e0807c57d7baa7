package org.covseg.severity;

import org.covseg.image.IntensityUnit;
import org.covseg.image.Volume;

/** Hand-made lung and infection masks on a small grid, filled by boxes (bounds inclusive). */
final class TestMasks {

    private final int width;
    private final int height;
    private final int depth;
    private final float[] lungs;
    private final float[] infection;
    private double[] spacing = {1, 1, 1};

    TestMasks(int width, int height, int depth) {
        this.width = width;
        this.height = height;
        this.depth = depth;
        this.lungs = new float[width * height * depth];
        this.infection = new float[width * height * depth];
    }

    TestMasks spacing(double si, double sj, double sk) {
        spacing = new double[] {si, sj, sk};
        return this;
    }

    /** Sets lung label {@code label} on i0..i1, j0..j1, k0..k1 (inclusive). */
    TestMasks lung(int label, int i0, int i1, int j0, int j1, int k0, int k1) {
        fill(lungs, label, i0, i1, j0, j1, k0, k1);
        return this;
    }

    /** Sets infection label {@code label} on i0..i1, j0..j1, k0..k1 (inclusive). */
    TestMasks infect(int label, int i0, int i1, int j0, int j1, int k0, int k1) {
        fill(infection, label, i0, i1, j0, j1, k0, k1);
        return this;
    }

    private void fill(float[] target, int label, int i0, int i1, int j0, int j1, int k0, int k1) {
        for (int k = k0; k <= k1; k++) {
            for (int j = j0; j <= j1; j++) {
                for (int i = i0; i <= i1; i++) {
                    target[i + width * (j + height * k)] = label;
                }
            }
        }
    }

    Volume lungMask() {
        return mask(lungs);
    }

    Volume infectionMask() {
        return mask(infection);
    }

    private Volume mask(float[] values) {
        return Volume.builder(width, height, depth).voxels(values.clone())
                .spacing(spacing[0], spacing[1], spacing[2]).unit(IntensityUnit.LABEL).build();
    }

    SeverityInput input(InfectionLabels labels, boolean spacingKnown) {
        return new SeverityInput(lungMask(), infectionMask(), labels, spacingKnown);
    }

    SeverityReport score(InfectionLabels labels, boolean spacingKnown) {
        return new SeverityScorer().score(input(labels, spacingKnown));
    }

    /** Scores a ground-glass/consolidation mask with known spacing. */
    SeverityReport score() {
        return score(InfectionLabels.GROUND_GLASS_AND_CONSOLIDATION, true);
    }
}
