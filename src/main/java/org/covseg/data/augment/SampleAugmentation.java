package org.covseg.data.augment;

import java.util.Optional;

/**
 * The augmentation drawn for one training sample, to be applied alike to all of its planes: the jitter of its grey
 * image, the geometric warp of every plane, and the square the caller cuts out of the normalised input.
 */
public record SampleAugmentation(Optional<IntensityJitter> jitter, Optional<PlaneWarp> warp, Optional<Cutout> cutout) {

    /** The grey image (levels 0..255) jittered, then warped; black outside the slice. */
    public float[] grey(float[] grey, int size) {
        float[] jittered = jitter.map(j -> j.apply(grey)).orElse(grey);
        return plane(jittered, size, 0);
    }

    /** A plane that is not an image (label, edge or probability map) warped, {@code outside} beyond the slice. */
    public float[] plane(float[] plane, int size, float outside) {
        return warp.map(w -> w.apply(plane, size, outside)).orElse(plane);
    }
}
