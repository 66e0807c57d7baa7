package org.covseg.severity;

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
}
