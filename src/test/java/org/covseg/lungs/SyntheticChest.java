package org.covseg.lungs;

import org.covseg.image.IntensityUnit;
import org.covseg.image.Volume;

/**
 * A hand-drawn axial slice in Hounsfield units with 1 mm pixels, for tests that need exact control: air outside,
 * a body ellipse of soft tissue, and whatever else is painted over it (later shapes win).
 */
public final class SyntheticChest {

    public static final float AIR = -1000;
    public static final float LUNG = -850;
    public static final float SOFT_TISSUE = 40;

    private final int width;
    private final int height;
    private final float[] hu;

    public SyntheticChest(int width, int height) {
        this.width = width;
        this.height = height;
        this.hu = new float[width * height];
        java.util.Arrays.fill(hu, AIR);
    }

    /** Paints the ellipse centred at (ci, cj) with radii (ri, rj) pixels. */
    public SyntheticChest ellipse(double ci, double cj, double ri, double rj, float value) {
        for (int j = 0; j < height; j++) {
            for (int i = 0; i < width; i++) {
                double x = (i - ci) / ri;
                double y = (j - cj) / rj;
                if (x * x + y * y <= 1) {
                    hu[i + width * j] = value;
                }
            }
        }
        return this;
    }

    /** Paints the box i0..i1, j0..j1 (inclusive). */
    public SyntheticChest box(int i0, int i1, int j0, int j1, float value) {
        for (int j = j0; j <= j1; j++) {
            for (int i = i0; i <= i1; i++) {
                hu[i + width * j] = value;
            }
        }
        return this;
    }

    /** The value at (i, j). */
    public float at(int i, int j) {
        return hu[i + width * j];
    }

    public Volume volume() {
        return Volume.builder(width, height, 1).voxels(hu.clone()).unit(IntensityUnit.HU).build();
    }

    /** A chest 200 x 160 pixels: body, and two lungs centred 40 pixels either side of the midline (i = 99.5). */
    public static SyntheticChest twoLungs() {
        return new SyntheticChest(200, 160)
                .ellipse(99.5, 80, 90, 70, SOFT_TISSUE)
                .ellipse(59.5, 80, 32, 50, LUNG)
                .ellipse(139.5, 80, 32, 50, LUNG);
    }

    public static final int CROPPED_WIDTH = 144;
    public static final int CROPPED_HEIGHT = 101;

    /**
     * {@link #twoLungs} cropped to the lungs' bounding box (columns 28-171, rows 30-130), as COVID-SemiSeg's slices
     * are: each lung reaches the border, and the four corners beyond the chest wall are air.
     */
    public static SyntheticChest croppedToLungs() {
        return new SyntheticChest(CROPPED_WIDTH, CROPPED_HEIGHT)
                .ellipse(71.5, 50, 90, 70, SOFT_TISSUE)
                .ellipse(31.5, 50, 32, 50, LUNG)
                .ellipse(111.5, 50, 32, 50, LUNG);
    }
}
