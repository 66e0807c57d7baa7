package org.covseg.phantom;

/** Voxel counts of one lung (or both) and of the infection inside it. */
public record LungInfection(long lungVoxels, long groundGlassVoxels, long consolidationVoxels) {

    public long infectedVoxels() {
        return groundGlassVoxels + consolidationVoxels;
    }

    /** Infected share of the lung in percent (0 for an empty lung). */
    public double percentInfected() {
        return lungVoxels == 0 ? 0 : 100.0 * infectedVoxels() / lungVoxels;
    }

    LungInfection plus(LungInfection other) {
        return new LungInfection(lungVoxels + other.lungVoxels, groundGlassVoxels + other.groundGlassVoxels,
                consolidationVoxels + other.consolidationVoxels);
    }
}
