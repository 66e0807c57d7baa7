package org.covseg.analysis;

import org.covseg.image.Volume;

/**
 * One grid of a study with what was found on it: the whole volume of a NIfTI or DICOM study, or one 2-D image.
 *
 * @param ct          the CT as read (HU or 8-bit lung-windowed grey levels), with the spacing used for amounts
 * @param probability infection probability per voxel
 * @param infection   1 where the probability reaches the threshold, else 0
 * @param lungs       0 outside the lungs, 1 right lung, 2 left lung
 */
public record StudyGrid(Volume ct, Volume probability, Volume infection, Volume lungs) {
}
