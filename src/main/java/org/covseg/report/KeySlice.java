package org.covseg.report;

import org.covseg.image.Volume;

/**
 * One axial slice to show in a report, all three images on the same depth-1 grid.
 *
 * @param caption   what the slice is, e.g. "slice 12"
 * @param grey      the CT as 0..255 grey levels (already windowed)
 * @param lungs     lung labels: 0 outside, 1 right, 2 left
 * @param infection infection mask: non-zero infected
 */
public record KeySlice(String caption, Volume grey, Volume lungs, Volume infection) {
}
