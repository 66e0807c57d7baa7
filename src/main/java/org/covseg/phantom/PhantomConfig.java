package org.covseg.phantom;

/**
 * What synthetic chest CT to make. The same configuration (seed included) always gives the same phantom.
 *
 * @param size                 in-plane matrix (size x size voxels)
 * @param slices               number of axial slices; 1 gives a single slice through the middle of the lungs
 * @param pixelMm              in-plane voxel spacing in mm
 * @param sliceMm              slice spacing (and thickness) in mm
 * @param seed                 seed of every random choice: anatomy, texture, vessels, lesions, noise
 * @param groundGlassLesions   number of ground-glass opacities
 * @param consolidationLesions number of consolidations
 * @param pleuralLesions       how many lesions are centred on the costal pleura, counted over the consolidations
 *                             first and then the ground-glass opacities
 * @param minLesionRadiusMm    smallest lesion radius (before lobulation), mm
 * @param maxLesionRadiusMm    largest lesion radius, mm
 * @param touchingLungs        whether the two lungs touch at the anterior junction (no tissue between them there),
 *                             so that a lung segmenter has to split them
 * @param lungTextureHu        standard deviation of the smooth texture of the lung parenchyma, HU
 * @param noiseHu              standard deviation of the voxel-wise noise added everywhere, HU
 */
public record PhantomConfig(int size, int slices, double pixelMm, double sliceMm, long seed,
                            int groundGlassLesions, int consolidationLesions, int pleuralLesions,
                            double minLesionRadiusMm, double maxLesionRadiusMm, boolean touchingLungs,
                            double lungTextureHu, double noiseHu) {

    public PhantomConfig {
        require(size >= 64 && size <= 2048, "size must be 64..2048 voxels, got " + size);
        require(slices >= 1 && slices <= 1024, "slices must be 1..1024, got " + slices);
        require(pixelMm > 0 && sliceMm > 0 && Double.isFinite(pixelMm) && Double.isFinite(sliceMm),
                "spacings must be positive, got " + pixelMm + " x " + sliceMm + " mm");
        require(groundGlassLesions >= 0 && consolidationLesions >= 0, "lesion counts must not be negative");
        require(pleuralLesions >= 0 && pleuralLesions <= groundGlassLesions + consolidationLesions,
                "pleuralLesions must be between 0 and the number of lesions, got " + pleuralLesions);
        require(minLesionRadiusMm > 0 && minLesionRadiusMm <= maxLesionRadiusMm,
                "lesion radii must satisfy 0 < min <= max, got " + minLesionRadiusMm + ".." + maxLesionRadiusMm);
        require(lungTextureHu >= 0 && noiseHu >= 0, "noise levels must not be negative");
    }

    /** 256 x 256 x 32 at 1.4 x 1.4 x 7.5 mm (a 358 x 358 x 240 mm field), 6 ground-glass opacities and
     * 3 consolidations (3 of them on the pleura), radius 10..30 mm, lung texture 35 HU, noise 10 HU. */
    public static PhantomConfig defaults() {
        return builder().build();
    }

    /** Like {@link #defaults()} at clinical resolution: 512 x 512 x 48 at 0.7 x 0.7 x 5 mm. */
    public static PhantomConfig fullResolution() {
        return builder().grid(512, 48, 0.7, 5).build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        return new Builder()
                .grid(size, slices, pixelMm, sliceMm)
                .seed(seed)
                .lesions(groundGlassLesions, consolidationLesions, pleuralLesions)
                .lesionRadius(minLesionRadiusMm, maxLesionRadiusMm)
                .touchingLungs(touchingLungs)
                .noise(lungTextureHu, noiseHu);
    }

    VoxelGrid grid() {
        return new VoxelGrid(size, size, slices, pixelMm, sliceMm);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("phantom: " + message);
        }
    }

    public static final class Builder {
        private int size = 256;
        private int slices = 32;
        private double pixelMm = 1.4;
        private double sliceMm = 7.5;
        private long seed = 1;
        private int groundGlass = 6;
        private int consolidation = 3;
        private int pleural = 3;
        private double minRadiusMm = 10;
        private double maxRadiusMm = 30;
        private boolean touchingLungs;
        private double lungTextureHu = 35;
        private double noiseHu = 10;

        private Builder() {
        }

        public Builder grid(int newSize, int newSlices, double newPixelMm, double newSliceMm) {
            size = newSize;
            slices = newSlices;
            pixelMm = newPixelMm;
            sliceMm = newSliceMm;
            return this;
        }

        public Builder seed(long newSeed) {
            seed = newSeed;
            return this;
        }

        public Builder lesions(int groundGlassCount, int consolidationCount, int pleuralCount) {
            groundGlass = groundGlassCount;
            consolidation = consolidationCount;
            pleural = pleuralCount;
            return this;
        }

        public Builder lesionRadius(double minMm, double maxMm) {
            minRadiusMm = minMm;
            maxRadiusMm = maxMm;
            return this;
        }

        public Builder touchingLungs(boolean touching) {
            touchingLungs = touching;
            return this;
        }

        public Builder noise(double newLungTextureHu, double newNoiseHu) {
            lungTextureHu = newLungTextureHu;
            noiseHu = newNoiseHu;
            return this;
        }

        public PhantomConfig build() {
            return new PhantomConfig(size, slices, pixelMm, sliceMm, seed, groundGlass, consolidation, pleural,
                    minRadiusMm, maxRadiusMm, touchingLungs, lungTextureHu, noiseHu);
        }
    }
}
