package org.covseg.image;

/**
 * A volume's voxels in (i, j, k) order for reading only, whichever way the volume holds them: a whole-volume step
 * (lung segmentation) reads a CT held as 16-bit whole numbers without a float copy of it (563 MB for 537 slices of
 * 512²).
 */
public final class Voxels {

    private final float[] floats;
    private final short[] shorts;

    private Voxels(float[] floats, short[] shorts) {
        this.floats = floats;
        this.shorts = shorts;
    }

    /** Floats to read; the array is used, not copied. */
    public static Voxels of(float[] values) {
        return new Voxels(values, null);
    }

    static Voxels ofShorts(short[] values) {
        return new Voxels(null, values);
    }

    public float at(int p) {
        return floats != null ? floats[p] : shorts[p];
    }

    public int length() {
        return floats != null ? floats.length : shorts.length;
    }
}
