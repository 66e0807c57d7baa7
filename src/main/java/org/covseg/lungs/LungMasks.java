package org.covseg.lungs;

import java.util.Optional;
import org.covseg.image.Volume;

/** Where the lung mask that severity is measured against comes from (a lung segmenter, or a known truth). */
@FunctionalInterface
public interface LungMasks {

    /**
     * The lungs of {@code ct}: 0 outside, 1 right lung, 2 left lung, on the CT's grid in canonical orientation.
     * {@code infection} (non-zero voxels are lesions, same grid), when given, keeps lesions against the chest wall
     * inside the lung they touch.
     */
    Volume segment(Volume ct, Optional<Volume> infection);

    /**
     * The lungs of {@code ct} found with the {@code infection} mask (as {@link #segment}) and without it, to tell what
     * the mask added. This default segments twice (once when the mask is empty); a segmenter that can tell both apart
     * in one run does so.
     */
    default Found segmentWithAndWithout(Volume ct, Volume infection) {
        Volume with = segment(ct, Optional.of(infection));
        return new Found(with, infection.range()[1] > 0 ? segment(ct, Optional.empty()) : with);
    }

    /** What the images this source of lungs reads show: images of the body unless it says otherwise. */
    default Framing framing() {
        return Framing.BODY;
    }

    /** Lungs found with an infection mask, and without it. */
    record Found(Volume withInfection, Volume withoutInfection) {
    }
}
