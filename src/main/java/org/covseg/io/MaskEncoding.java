package org.covseg.io;

import org.covseg.image.IntensityUnit;
import org.covseg.image.Volume;

/** How a mask file encodes its labels, and so how to turn what was read into labels 0, 1, …. */
public enum MaskEncoding {

    /** Keep the stored values: palette indices or grey levels (multi-class maps such as 0/1/2). */
    LABELS,

    /** Binary mask stored as 0/1 (or any value above 0 for foreground): foreground is {@code value > 0}. */
    BINARY_0_1,

    /** Binary mask stored as 0/255, possibly blurred by JPEG or resizing: foreground is {@code value > 128}. */
    BINARY_0_255,

    /**
     * Decided per file for users' own masks: a mask whose largest value exceeds 127 is taken as 0/255
     * ({@link #BINARY_0_255}); any other is kept as labels (0/1 masks and small multi-class maps).
     */
    AUTO;

    /** The labels (unit {@link IntensityUnit#LABEL}) this encoding gives for the values read from a mask file. */
    public Volume decode(Volume stored) {
        return switch (this) {
            case LABELS -> stored.withVoxels(stored.toArray(), IntensityUnit.LABEL);
            case BINARY_0_1 -> threshold(stored, 0);
            case BINARY_0_255 -> threshold(stored, 128);
            case AUTO -> (stored.range()[1] > 127 ? BINARY_0_255 : LABELS).decode(stored);
        };
    }

    private static Volume threshold(Volume stored, float above) {
        float[] v = stored.toArray();
        for (int p = 0; p < v.length; p++) {
            v[p] = v[p] > above ? 1 : 0;
        }
        return stored.withVoxels(v, IntensityUnit.LABEL);
    }
}
