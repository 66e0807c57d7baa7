package org.covseg.report;

import java.util.List;

/**
 * The input of an analysis, as recorded in its report.
 *
 * @param path         the file or folder analysed
 * @param kind         what it was read as, e.g. "NIfTI volume"
 * @param shape        width x height x depth in voxels for a volume; width x height for a slice; null for a folder
 *                     of slices (see each slice's entry)
 * @param spacingMm    voxel spacing along i, j, k (a slice: i, j) in mm, or null when unknown
 * @param notes        remarks made while reading (e.g. which DICOM series was chosen)
 */
public record InputInfo(String path, String kind, int[] shape, double[] spacingMm, List<String> notes) {

    public InputInfo {
        notes = List.copyOf(notes);
    }
}
