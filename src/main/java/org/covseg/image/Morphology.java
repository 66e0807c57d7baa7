package org.covseg.image;

/**
 * Binary morphology with discs, slice by slice, through exact distance transforms ({@link DistanceTransform}), so
 * the cost does not grow with the radius. Layout as in {@link ConnectedComponents}; radii in mm.
 */
public final class Morphology {

    private Morphology() {
    }

    /** The voxels within {@code radiusMm} of the mask in their slice. */
    public static boolean[] dilateInPlane(boolean[] mask, int width, int height, int depth, double[] spacing,
            double radiusMm) {
        boolean[] outside = new boolean[mask.length];
        for (int p = 0; p < mask.length; p++) {
            outside[p] = !mask[p];
        }
        float[] distance = DistanceTransform.toBackgroundInPlane(outside, width, height, depth, spacing);
        boolean[] out = new boolean[mask.length];
        for (int p = 0; p < mask.length; p++) {
            out[p] = distance[p] <= radiusMm;
        }
        return out;
    }

    /** The mask voxels farther than {@code radiusMm} from the background in their slice (the grid's edge is not
     * background). */
    public static boolean[] erodeInPlane(boolean[] mask, int width, int height, int depth, double[] spacing,
            double radiusMm) {
        float[] distance = DistanceTransform.toBackgroundInPlane(mask, width, height, depth, spacing);
        boolean[] out = new boolean[mask.length];
        for (int p = 0; p < mask.length; p++) {
            out[p] = distance[p] > radiusMm;
        }
        return out;
    }

    /** Erosion then dilation: removes the parts of the mask narrower than the disc (spurs, thin strips). */
    public static boolean[] openInPlane(boolean[] mask, int width, int height, int depth, double[] spacing,
            double radiusMm) {
        return dilateInPlane(erodeInPlane(mask, width, height, depth, spacing, radiusMm), width, height, depth,
                spacing, radiusMm);
    }

    /** Dilation then erosion: fills the gaps and bays of the mask narrower than the disc. */
    public static boolean[] closeInPlane(boolean[] mask, int width, int height, int depth, double[] spacing,
            double radiusMm) {
        return erodeInPlane(dilateInPlane(mask, width, height, depth, spacing, radiusMm), width, height, depth,
                spacing, radiusMm);
    }
}
