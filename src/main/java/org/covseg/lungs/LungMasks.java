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
     * Starts finding the lungs of {@code ct} (as {@link #segment}) with what needs no infection mask, so that it can
     * run while the infection is being found. This default does nothing yet: given the mask, it segments twice (once
     * when the mask is empty); a segmenter whose steps before the mask take time does them here.
     */
    default Started start(Volume ct) {
        return infection -> {
            Volume with = segment(ct, Optional.of(infection));
            return new Found(with, infection.range()[1] > 0 ? segment(ct, Optional.empty()) : with);
        };
    }

    /** What the images this source of lungs reads show: images of the body unless it says otherwise. */
    default Framing framing() {
        return Framing.BODY;
    }

    /** Lungs found with an infection mask, and without it. */
    record Found(Volume withInfection, Volume withoutInfection) {
    }

    /** A lung segmentation started on a CT, waiting for its infection mask. */
    @FunctionalInterface
    interface Started {

        /**
         * The lungs found with the {@code infection} mask (non-zero voxels are lesions, on the CT's grid) and
         * without it, to tell what the mask added. A segmentation may use up what it started with: call it once.
         */
        Found withAndWithout(Volume infection);
    }
}
