package org.covseg.severity;

/**
 * Whether the masks show infection, by a {@link FindingRule}.
 *
 * @param definition    the rule in words
 * @param present       true when infection is present
 * @param largestLesion size of the largest connected group of infected voxels inside the lungs
 * @param threshold     the minimum size in the report's unit
 */
public record Finding(String definition, boolean present, Amount largestLesion, double threshold) {
}
