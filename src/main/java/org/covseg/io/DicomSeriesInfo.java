package org.covseg.io;

import java.util.Locale;

/**
 * One series found in a DICOM folder.
 *
 * @param uid         Series Instance UID (0020,000E)
 * @param modality    Modality (0008,0060), e.g. "CT"; empty when absent
 * @param description Series Description (0008,103E); empty when absent
 * @param sliceCount  number of image files of the series in the folder
 */
public record DicomSeriesInfo(String uid, String modality, String description, int sliceCount) {

    /** E.g. {@code 1.2.3 (120 slices, CT, "Lung 1.0")}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s (%d slice%s, %s%s)", uid, sliceCount, sliceCount == 1 ? "" : "s",
                modality.isEmpty() ? "no modality" : modality,
                description.isEmpty() ? "" : ", \"" + description + "\"");
    }
}
