package org.covseg.phantom;

import java.util.SplittableRandom;

/** The two kinds of COVID-19 opacity, with their label in the infection mask and how they look. */
public enum LesionKind {
    /** Hazy opacity, −700…−300 HU, soft edges. */
    GROUND_GLASS(1, -650, -420, 0.35, 0.8f),
    /** Dense opacity, −100…+50 HU, like soft tissue, sharper edges. */
    CONSOLIDATION(2, -50, 20, 0.1, 0.4f);

    private final int label;
    private final double minMeanHu;
    private final double maxMeanHu;
    private final double edgeFraction;
    private final float textureGain;

    LesionKind(int label, double minMeanHu, double maxMeanHu, double edgeFraction, float textureGain) {
        this.label = label;
        this.minMeanHu = minMeanHu;
        this.maxMeanHu = maxMeanHu;
        this.edgeFraction = edgeFraction;
        this.textureGain = textureGain;
    }

    /** Value of this kind in the infection label volume (0 is no infection). */
    public int label() {
        return label;
    }

    double randomMeanHu(SplittableRandom rng) {
        return rng.nextDouble(minMeanHu, maxMeanHu);
    }

    /** Width (mm) of the soft edge over which a lesion of this radius fades into the lung. */
    double edgeMm(double radiusMm) {
        return edgeFraction * radiusMm;
    }

    /** How much of the lung texture a lesion of this kind keeps. */
    float textureGain() {
        return textureGain;
    }
}
