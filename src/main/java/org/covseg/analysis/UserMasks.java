package org.covseg.analysis;

import java.nio.file.Path;
import java.util.Objects;
import org.covseg.data.Scan;
import org.covseg.severity.InfectionLabels;

/**
 * Mask files a user gives for one study, each null when not given: an infection mask the scores are computed from
 * instead of covseg's model, a lung mask used instead of covseg's lung segmentation, and a reference infection
 * mask covseg's result is compared with. Binary infection masks are 0 / non-zero.
 */
public record UserMasks(Path infection, InfectionLabels infectionLabels, Path lungs, LungLabels lungLabels,
                        Path reference, InfectionLabels referenceLabels) {

    public static final UserMasks NONE = new UserMasks(null, InfectionLabels.BINARY, null, LungLabels.SIDES, null,
            InfectionLabels.BINARY);

    public UserMasks {
        Objects.requireNonNull(infectionLabels, "infectionLabels");
        Objects.requireNonNull(lungLabels, "lungLabels");
        Objects.requireNonNull(referenceLabels, "referenceLabels");
    }

    /** Reads these masks onto {@code scan} as the analysis will, refusing in one line a mask that does not fit it. */
    public void checkAgainst(Scan scan) {
        if (any()) {
            GivenMasks.read(this, scan, scan.volumes().get(0));
        }
    }

    public boolean any() {
        return infection != null || lungs != null || reference != null;
    }
}
