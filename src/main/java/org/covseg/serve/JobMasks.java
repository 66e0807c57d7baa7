package org.covseg.serve;

import java.nio.file.Path;
import org.covseg.analysis.LungLabels;
import org.covseg.analysis.UserMasks;
import org.covseg.severity.InfectionLabels;

/**
 * The masks a job's upload brought, as {@code analyze}'s --infection-mask, --lung-mask and --reference-mask: each a
 * file name in the job's folder (null when not given) and what its values mean.
 */
record JobMasks(String infection, InfectionLabels infectionLabels, String lungs, LungLabels lungLabels,
                String reference, InfectionLabels referenceLabels) {

    static final String FOLDER = "masks";
    static final JobMasks NONE = new JobMasks(null, InfectionLabels.BINARY, null, LungLabels.SIDES, null,
            InfectionLabels.BINARY);

    /** The masks as the analysis reads them, from the job's folder {@code dir}. */
    UserMasks in(Path dir) {
        return new UserMasks(file(dir, infection), infectionLabels, file(dir, lungs), lungLabels, file(dir, reference),
                referenceLabels);
    }

    private static Path file(Path dir, String name) {
        return name == null ? null : dir.resolve(name);
    }
}
