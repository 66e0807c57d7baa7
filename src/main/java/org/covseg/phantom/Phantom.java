package org.covseg.phantom;

import org.covseg.image.IntensityUnit;
import org.covseg.image.Volume;

/**
 * A synthetic chest CT with its exact ground truth, for tests and demonstrations.
 *
 * <p>The CT is in Hounsfield units in the canonical orientation of {@link Volume} (the patient's right lung at
 * small i, on the left of the image; anterior at small j; superior at large k). It shows air around an elliptical
 * body with subcutaneous fat and muscle, ribs, sternum and a vertebra, the mediastinum (heart, aorta, trachea and
 * main bronchi), the diaphragm with liver below, and two lungs (about −850 HU, textured, with branching vessels)
 * carrying ground-glass opacities and consolidations, some against the chest wall. The label volumes share the
 * CT's geometry: {@code lungs} is 1 on the right lung and 2 on the left (lesions included), {@code infection}
 * is 1 on ground glass and 2 on consolidation (consolidation where lesions of both kinds overlap).
 *
 * @param truth  lung and infection voxel counts per lung, counted from the label volumes
 * @param config the configuration the phantom was made from (for a {@link #slice(int)}, that of its volume)
 */
public record Phantom(Volume ct, Volume lungs, Volume infection, InfectionTruth truth, PhantomConfig config) {

    public static Phantom generate(PhantomConfig config) {
        PhantomGenerator.Rendering r = PhantomGenerator.render(config);
        VoxelGrid g = r.grid();
        float[] lungLabels = new float[r.tissue().length];
        float[] infectionLabels = new float[r.tissue().length];
        for (int p = 0; p < lungLabels.length; p++) {
            Tissue t = Tissue.of(r.tissue()[p]);
            lungLabels[p] = t == Tissue.LUNG_RIGHT ? InfectionTruth.RIGHT_LUNG
                    : t == Tissue.LUNG_LEFT ? InfectionTruth.LEFT_LUNG : 0;
            infectionLabels[p] = r.infection()[p];
        }
        Volume ct = Volume.builder(g.width(), g.height(), g.depth())
                .voxels(r.hu())
                .spacing(g.pixelMm(), g.pixelMm(), g.sliceMm())
                .affine(g.affine())
                .unit(IntensityUnit.HU)
                .meta("description", "covseg synthetic chest CT phantom, seed " + config.seed())
                .build();
        Volume lungs = ct.withVoxels(lungLabels, IntensityUnit.LABEL);
        Volume infection = ct.withVoxels(infectionLabels, IntensityUnit.LABEL);
        return new Phantom(ct, lungs, infection, InfectionTruth.count(lungs, infection), config);
    }

    /** Slice k as a 2-D phantom: depth-1 views of the three volumes and the truth of that slice alone. */
    public Phantom slice(int k) {
        Volume lungSlice = lungs.slice(k);
        Volume infectionSlice = infection.slice(k);
        return new Phantom(ct.slice(k), lungSlice, infectionSlice, InfectionTruth.count(lungSlice, infectionSlice),
                config);
    }

}
