package org.covseg.phantom;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Draws a phantom in stages: anatomy (one tissue per voxel), tissue attenuation with partial-volume edges, lung
 * texture, vessels, lesions, then scanner noise. Every stage takes its own random stream split from the seed in a
 * fixed order, so a configuration always gives the same voxels.
 */
final class PhantomGenerator {

    private static final double TEXTURE_CORRELATION_MM = 1.5;
    /** Lungs are denser posteriorly (dependent lung): HU added at the back of the cavity, subtracted at the front. */
    private static final double LUNG_GRAVITY_GRADIENT_HU = 25;
    private static final float[] PARTIAL_VOLUME = {0.25f, 0.5f, 0.25f};
    private static final float MIN_HU = -1024;

    /** Everything a phantom is drawn from, for the phantom itself and for tests that check the drawing. */
    record Rendering(VoxelGrid grid, ChestAnatomy anatomy, byte[] tissue, float[] hu, byte[] infection,
                     List<Lesion> lesions) {
    }

    private PhantomGenerator() {
    }

    static Rendering render(PhantomConfig c) {
        VoxelGrid g = c.grid();
        SplittableRandom seed = new SplittableRandom(c.seed());
        ChestAnatomy anatomy = ChestAnatomy.random(g, c.touchingLungs(), seed.split());
        SplittableRandom textureRng = seed.split();
        SplittableRandom vesselRng = seed.split();
        SplittableRandom lesionRng = seed.split();
        SplittableRandom noiseRng = seed.split();

        byte[] tissue = tissues(anatomy, g);
        float[] hu = attenuation(tissue, anatomy, g);
        float[] texture = GaussianTexture.generate(g, TEXTURE_CORRELATION_MM, c.lungTextureHu(), textureRng);
        for (int p = 0; p < hu.length; p++) {
            if (Tissue.isLung(tissue[p])) {
                hu[p] += texture[p];
            }
        }
        VesselTree.paint(VesselTree.grow(anatomy, vesselRng), hu, tissue, g);
        byte[] infection = new byte[hu.length];
        List<Lesion> lesions = LesionPlanter.plant(c, g, tissue, lesionRng);
        for (Lesion lesion : lesions) {
            lesion.paint(hu, infection, tissue, texture, g);
        }
        for (int p = 0; p < hu.length; p++) {
            hu[p] = Math.max(MIN_HU, hu[p] + (float) (c.noiseHu() * noiseRng.nextGaussian()));
        }
        return new Rendering(g, anatomy, tissue, hu, infection, lesions);
    }

    private static byte[] tissues(ChestAnatomy anatomy, VoxelGrid g) {
        byte[] tissue = new byte[g.voxelCount()];
        IntStream.range(0, g.depth()).parallel().forEach(k -> {
            AxialSection section = anatomy.section(anatomy.level(g.z(k)));
            for (int j = 0; j < g.height(); j++) {
                double y = g.y(j);
                for (int i = 0; i < g.width(); i++) {
                    tissue[g.index(i, j, k)] = section.classify(g.x(i), y).code();
                }
            }
        });
        return tissue;
    }

    /** Mean HU of each voxel's tissue, blurred in-plane by a voxel so that edges have partial volume. */
    private static float[] attenuation(byte[] tissue, ChestAnatomy anatomy, VoxelGrid g) {
        float[] hu = new float[tissue.length];
        double cavityDepth = anatomy.cavity().ry();
        for (int p = 0; p < hu.length; p++) {
            Tissue t = Tissue.of(tissue[p]);
            hu[p] = t.hu;
            if (t.isLung()) {
                double y = g.y(p / g.width() % g.height()) - anatomy.cavity().cy();
                hu[p] += (float) (LUNG_GRAVITY_GRADIENT_HU * y / cavityDepth);
            }
        }
        SeparableBlur.along(hu, g, 0, PARTIAL_VOLUME);
        SeparableBlur.along(hu, g, 1, PARTIAL_VOLUME);
        return hu;
    }
}
