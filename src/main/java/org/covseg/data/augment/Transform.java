package org.covseg.data.augment;

import java.util.Locale;

/** The transforms an {@link Augmentation} can draw, named as on the command line. */
public enum Transform {
    /** Left-right and top-bottom mirroring, each with probability ½. */
    FLIP,
    /** A uniformly drawn multiple of 90°. */
    ROT90,
    /** A small rotation, uniform in ±{@value Augmentation#MAX_DEGREES}°, about the centre. */
    ROTATE,
    /** A square crop of side uniform in [{@value Augmentation#MIN_CROP}, 1] of the slice, enlarged to the slice. */
    CROP,
    /** Brightness and contrast jitter of the image ({@link IntensityJitter}). */
    JITTER;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
