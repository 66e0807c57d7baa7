package org.covseg.analysis;

import org.covseg.image.Volume;

/**
 * One grid of a study with what was found on it: the whole volume of a NIfTI or DICOM study, or one 2-D image.
 *
 * @param ct          the CT as read (HU or 8-bit lung-windowed grey levels), with the spacing used for amounts
 * @param probability infection probability per voxel, or null when the user gave the infection mask
 * @param infection   1 where the probability reaches the threshold, else 0; or the user's mask (0 none, 1 infection
 *                    or, with classes, 1 ground-glass opacity and 2 consolidation)
 * @param lungs       0 outside the lungs, 1 right lung, 2 left lung
 */
public record StudyGrid(Volume ct, Volume probability, Volume infection, Volume lungs) {
}
