package org.covseg.phantom;

/**
 * One opacity: a lobulated blob centred at (x, y, z) mm. Its outline is the sphere of the given radius pushed in
 * and out by smooth noise; the mask is everything inside the outline (and inside a lung), while its attenuation
 * fades over a soft edge centred on the outline, so that mask voxels are at least half lesion.
 */
record Lesion(LesionKind kind, double x, double y, double z, double radiusMm, double meanHu, double edgeMm,
              long shapeSeed, boolean pleural) {

    /** How far the noise moves the outline, as a fraction of the radius. */
    private static final double LOBULATION = 0.3;

    /**
     * Draws the lesion: over lung voxels, raises the HU toward the lesion's (never lowers it, so vessels stay
     * visible through ground glass) and marks the infection label, consolidation winning over ground glass.
     */
    void paint(float[] hu, byte[] infection, byte[] tissue, float[] texture, VoxelGrid g) {
        ValueNoise noise = new ValueNoise(shapeSeed);
        double lattice = 0.6 * radiusMm;
        double edge = Math.max(edgeMm, g.pixelMm());
        double reach = radiusMm * (1 + LOBULATION) + edge / 2;
        byte label = (byte) kind.label();
        for (int k = g.firstK(z - reach); k <= g.lastK(z + reach); k++) {
            double dz = g.z(k) - z;
            for (int j = g.firstJ(y - reach); j <= g.lastJ(y + reach); j++) {
                double dy = g.y(j) - y;
                for (int i = g.firstI(x - reach); i <= g.lastI(x + reach); i++) {
                    int p = g.index(i, j, k);
                    double dx = g.x(i) - x;
                    double r = Math.sqrt(dx * dx + dy * dy + dz * dz);
                    if (r > reach || !Tissue.isLung(tissue[p])) {
                        continue;
                    }
                    double outline = radiusMm * (1 + LOBULATION * noise.at(dx / lattice, dy / lattice, dz / lattice));
                    double w = Ramp.smoothstep(-0.5, 0.5, (outline - r) / edge);
                    float lesionHu = (float) meanHu + kind.textureGain() * texture[p];
                    float blended = (float) (hu[p] + w * (lesionHu - hu[p]));
                    if (blended > hu[p]) {
                        hu[p] = blended;
                    }
                    if (r <= outline && label > infection[p]) {
                        infection[p] = label;
                    }
                }
            }
        }
    }
}
