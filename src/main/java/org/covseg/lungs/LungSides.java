package org.covseg.lungs;

import org.covseg.CovsegException;
import org.covseg.image.Volume;
import org.covseg.image.Voxels;

/**
 * Tells the right lung from the left in a binary lung mask someone else made, as {@link LungSegmenter} does for
 * its own: the mask's large components go to the side of the body's midline they lie on, lungs that touch are
 * split by their cores ({@link LungComponents}) and the line between them follows the pleural junction
 * ({@link JunctionCut}). The mask's extent is kept as given: voxels those steps leave unlabelled (small or thin
 * pieces) go to the side of the midline they lie on, so the result is 1 or 2 exactly where the mask is non-zero.
 */
public final class LungSides {

    private LungSides() {
    }

    /**
     * The mask's lungs labelled 1 (right) and 2 (left), on the grid of {@code ct} (HU or 8-bit lung-windowed
     * grey levels), whose body gives the midline and whose densities the junction line.
     */
    public static Volume split(Volume binaryLungs, Volume ct) {
        ScanGrid g = ScanGrid.of(ct);
        float[] given = binaryLungs.toArray();
        boolean[] lung = new boolean[given.length];
        boolean any = false;
        for (int p = 0; p < given.length; p++) {
            lung[p] = given[p] != 0;
            any |= lung[p];
        }
        if (!any) {
            throw new CovsegException("the lung mask has no lung voxel (all zero), so no severity can be scored");
        }
        Voxels hu = HounsfieldUnits.of(ct);
        boolean[] body = BodyMask.of(hu, g, LungSegmenter.AIR_THRESHOLD_HU, Framing.BODY);
        for (int p = 0; p < body.length; p++) {
            body[p] |= lung[p];
        }
        BodyCentre centre = BodyCentre.of(body, g);
        byte[] sides = LungComponents.label(lung, centre, g);
        JunctionCut.apply(sides, hu, body, g);
        byte[] labels = new byte[given.length];
        for (int p = 0; p < given.length; p++) {
            if (lung[p]) {
                labels[p] = (byte) (sides[p] != 0 ? sides[p] : p % g.width() < centre.i() ? LungSide.RIGHT.label()
                        : LungSide.LEFT.label());
            }
        }
        return ct.withLabels(labels);
    }
}
