package org.covseg.phantom;

import java.util.SplittableRandom;

/**
 * One synthetic patient: the few anatomical parameters that vary between seeds, in mm of the phantom's grid.
 *
 * <p>The anatomy is scaled to fill the field of view the same way at any matrix size (with the default spacings
 * it has adult dimensions: a body about 300 x 225 mm), and stretched along z so that the lungs span the central
 * 88% of the scanned slab whatever the number of slices: a few slices of abdomen below the bases and of neck
 * above the apices. Along z the anatomy is described by the lung level t: 0 at the lowest point of the lungs,
 * 1 at the apex.
 *
 * @param scale      in-plane mm per "standard" mm (field of view / 358 mm)
 * @param body       outline of the body at every level
 * @param cavity     inner outline of the rib cage at the lung bases (it narrows toward the apex)
 * @param heart      the heart's largest axial cross-section
 * @param rightDome  the largest cross-section of the dome of the right hemidiaphragm (the liver below it)
 * @param rightDomeTop level of the top of the right dome (the left dome is lower)
 * @param ribPhase   where the ribs of each side cut the slice at level 0, in turns
 */
record ChestAnatomy(double scale, double lungBottomZ, double lungTopZ,
                    Ellipse body, Ellipse cavity, Ellipse heart, double heartLevel, double heartHalfHeight,
                    Ellipse rightDome, Ellipse leftDome, double rightDomeTop, double leftDomeTop,
                    double rightRibPhase, double leftRibPhase, double carinaLevel, boolean touchingLungs) {

    private static final double STANDARD_FIELD_OF_VIEW_MM = 358;

    static ChestAnatomy random(VoxelGrid grid, boolean touchingLungs, SplittableRandom rng) {
        double s = grid.fieldOfView() / STANDARD_FIELD_OF_VIEW_MM;
        double width = jitter(rng, 0.05);
        double depth = jitter(rng, 0.05);
        double z = grid.extentZ();
        Ellipse heart = Ellipse.rotated(s * (18 + 6 * rng.nextDouble(-1, 1)), s * (-24 + 4 * rng.nextDouble(-1, 1)),
                s * 66 * jitter(rng, 0.06), s * 50 * jitter(rng, 0.06), -30 + 8 * rng.nextDouble(-1, 1));
        double rightDomeTop = 0.24 + 0.03 * rng.nextDouble(-1, 1);
        return new ChestAnatomy(s, z * (0.06 + 0.01 * rng.nextDouble(-1, 1)), z * (0.94 + 0.01 * rng.nextDouble(-1, 1)),
                Ellipse.of(0, 0, s * 150 * width, s * 112 * depth),
                Ellipse.of(0, -6 * s, s * 118 * width, s * 78 * depth),
                heart, 0.27, 0.27,
                Ellipse.of(-45 * s, -30 * s, 95 * s, 85 * s),
                Ellipse.of(45 * s, -30 * s, 90 * s, 82 * s),
                rightDomeTop, rightDomeTop - 0.06,
                rng.nextDouble(), rng.nextDouble(), 0.58 + 0.02 * rng.nextDouble(-1, 1), touchingLungs);
    }

    private static double jitter(SplittableRandom rng, double fraction) {
        return 1 + fraction * rng.nextDouble(-1, 1);
    }

    /** The lung level t of a height z (mm). */
    double level(double zMm) {
        return (zMm - lungBottomZ) / (lungTopZ - lungBottomZ);
    }

    /** The height (mm) of lung level t. */
    double heightOf(double level) {
        return lungBottomZ + level * (lungTopZ - lungBottomZ);
    }

    AxialSection section(double level) {
        return new AxialSection(this, level);
    }
}
