package org.covseg.report;

import org.covseg.image.Volume;

/**
 * One axial slice to show in a report, all three images on the same depth-1 grid.
 *
 * @param caption   what the slice is, e.g. "slice 12"
 * @param grey      the CT as 0..255 grey levels (already windowed)
 * @param lungs     lung labels: 0 outside, 1 right, 2 left
 * @param infection infection mask: non-zero infected; with {@code classes}, 1 ground-glass opacity, 2 consolidation
 * @param classes   whether the infection mask tells ground-glass opacity from consolidation
 */
public record KeySlice(String caption, Volume grey, Volume lungs, Volume infection, boolean classes) {
}
