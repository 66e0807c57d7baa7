package org.covseg.infer;

/**
 * A multiclass model's result for one slice, row-major at the slice's own width x height.
 *
 * @param ggo           ground-glass opacity probability in [0, 1]
 * @param consolidation consolidation probability in [0, 1]
 * @param labels        the most probable class of each pixel: 0 background, 1 ground-glass opacity, 2 consolidation
 */
public record MulticlassMaps(float[] ggo, float[] consolidation, float[] labels) {

    public MulticlassMaps {
        if (ggo.length != consolidation.length || ggo.length != labels.length) {
            throw new IllegalArgumentException("class maps of different sizes: " + ggo.length + ", "
                    + consolidation.length + ", " + labels.length);
        }
    }

    /**
     * The maps from the three class probabilities (background, ggo, consolidation), each row-major of one size;
     * ties go to the lower label.
     */
    public static MulticlassMaps of(float[] background, float[] ggo, float[] consolidation) {
        float[] labels = new float[ggo.length];
        for (int p = 0; p < labels.length; p++) {
            float best = background[p];
            if (ggo[p] > best) {
                best = ggo[p];
                labels[p] = 1;
            }
            if (consolidation[p] > best) {
                labels[p] = 2;
            }
        }
        return new MulticlassMaps(ggo, consolidation, labels);
    }
}
