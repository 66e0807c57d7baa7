package org.covseg.analysis;

import java.nio.file.Path;
import org.covseg.CovsegException;
import org.covseg.data.Scan;
import org.covseg.image.Volume;
import org.covseg.lungs.LungSides;
import org.covseg.severity.InfectionLabels;

/**
 * The user's masks of one study, read onto its grid and decoded: infection 0/1 (binary) or 0/1/2 (classes), lungs
 * 0/1/2 (a binary lung mask split into right and left by {@link LungSides}); each null when not given.
 */
record GivenMasks(Volume infection, Volume lungs, Volume reference) {

    static final GivenMasks NONE = new GivenMasks(null, null, null);

    /** Reads every mask of {@code masks} for {@code scan}, whose (only) grid is analysed as {@code ct}. */
    static GivenMasks read(UserMasks masks, Scan scan, Volume ct) {
        if (scan.isImageFolder()) {
            throw new CovsegException("masks (--infection-mask, --lung-mask, --reference-mask) can only be given for"
                    + " a single NIfTI file, DICOM series or 2-D image, not for the folder of images " + scan.source());
        }
        Volume asRead = scan.volumes().get(0);
        Volume infection = null;
        if (masks.infection() != null) {
            infection = infection(MaskFile.read(masks.infection(), "--infection-mask", asRead, ct, scan),
                    masks.infectionLabels(), masks.infection(), "--infection-mask");
        }
        Volume reference = null;
        if (masks.reference() != null) {
            reference = infection(MaskFile.read(masks.reference(), "--reference-mask", asRead, ct, scan),
                    masks.referenceLabels(), masks.reference(), "--reference-mask");
        }
        Volume lungs = null;
        if (masks.lungs() != null) {
            Volume raw = MaskFile.read(masks.lungs(), "--lung-mask", asRead, ct, scan);
            lungs = masks.lungLabels() == LungLabels.BINARY ? LungSides.split(MaskFile.binary(raw), ct)
                    : MaskFile.labels(raw, 2, masks.lungs(), "--lung-mask", LungLabels.SIDES.meaning());
        }
        return new GivenMasks(infection, lungs, reference);
    }

    private static Volume infection(Volume raw, InfectionLabels labels, Path file, String option) {
        return labels == InfectionLabels.BINARY ? MaskFile.binary(raw)
                : MaskFile.labels(raw, labels.maxLabel(), file, option, labels.meaning());
    }
}
