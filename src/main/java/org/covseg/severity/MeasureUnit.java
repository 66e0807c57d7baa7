package org.covseg.severity;

/**
 * The unit in which lung and infection amounts are reported: volumes in mL, a single slice in mm²,
 * or plain voxel/pixel counts when the spacing is unknown (e.g. a PNG slice without a given pixel size).
 */
public enum MeasureUnit {
    MILLILITRES("mL"),
    SQUARE_MILLIMETRES("mm²"),
    VOXELS("voxels"),
    PIXELS("pixels");

    private final String symbol;

    MeasureUnit(String symbol) {
        this.symbol = symbol;
    }

    public static MeasureUnit of(boolean singleSlice, boolean spacingKnown) {
        if (singleSlice) {
            return spacingKnown ? SQUARE_MILLIMETRES : PIXELS;
        }
        return spacingKnown ? MILLILITRES : VOXELS;
    }

    public String symbol() {
        return symbol;
    }

    /** The amount one voxel stands for, given the spacing in mm along i, j, k. */
    public double perVoxel(double[] spacing) {
        return switch (this) {
            case MILLILITRES -> spacing[0] * spacing[1] * spacing[2] / 1000.0;
            case SQUARE_MILLIMETRES -> spacing[0] * spacing[1];
            case VOXELS, PIXELS -> 1.0;
        };
    }
}
