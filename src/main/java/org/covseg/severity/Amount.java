package org.covseg.severity;

/** A voxel count and the amount it stands for in the report's unit (mL, mm², voxels or pixels). */
public record Amount(long voxels, double value) {

    static Amount of(long voxels, double perVoxel) {
        return new Amount(voxels, voxels * perVoxel);
    }

    /** 100 · part / whole, or null when whole is 0 (a share of nothing is undefined). */
    static Double percent(long part, long whole) {
        return whole == 0 ? null : 100.0 * part / whole;
    }
}
