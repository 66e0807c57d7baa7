package org.covseg.lungs;

import org.covseg.image.IntensityUnit;
import org.covseg.image.Volume;

/**
 * The partial volume of a surface the slices cut at a slant is not infection. Where a slice holds both aerated lung
 * and the top of a diaphragm dome (or of a hilar vessel, or the pleura over an apex), its voxels are grey like ground
 * glass, and a network that sees one slice at a time marks them. In each voxel column along the slice axis, a run of
 * infected voxels no taller than {@value #MAX_MM} mm with uninfected tissue denser than
 * {@value #SOLID_HU} HU at one end and uninfected aerated lung (below {@value #AERATED_HU} HU) at the other is such a
 * layer and is dropped. A lesion on the diaphragm taller than that stays whole. Neighbours within a slice are not
 * judged: in-plane voxels are below a millimetre, and a band of ground glass against the chest wall is typical
 * COVID-19 disease. Only HU volumes of two slices or more, with slices at most {@value #MAX_MM} mm apart: where one
 * slice is taller than that, a lesion one slice tall cannot be told from the layer (the real study's 5 mm series,
 * 15 mm apart, lost 3 of its 16 points of involvement to the rule).
 */
public final class PartialVolumeLayer {

    public static final double MAX_MM = 3;
    public static final float SOLID_HU = -300;
    public static final float AERATED_HU = -500;

    private static final byte OTHER = 0;
    private static final byte SOLID = 1;
    private static final byte AERATED = 2;

    private PartialVolumeLayer() {
    }

    /** The longest run, in voxels, that counts as a layer for slices {@code sliceMm} apart; 0 for none. */
    static int maxRun(double sliceMm) {
        return (int) Math.floor(MAX_MM / sliceMm + 1e-9);
    }

    /**
     * The infection mask without its partial-volume layers, held as the mask is (floats or a label map); the mask
     * itself when there is nothing to drop or the scan is not an HU volume.
     */
    public static Volume removeFrom(Volume infection, Volume ct) {
        int maxRun = maxRun(ct.spacing()[2]);
        if (ct.unit() != IntensityUnit.HU || ct.depth() < 2 || maxRun == 0) {
            return infection;
        }
        int w = ct.width();
        int plane = w * ct.height();
        int[] runLength = new int[plane];
        byte[] before = new byte[plane];
        float[] hu = new float[plane];
        float[] mask = new float[plane];
        Volume kept = infection;
        for (int k = 0; k <= ct.depth(); k++) {
            boolean inside = k < ct.depth();
            if (inside) {
                ct.readSlice(k, hu);
                infection.readSlice(k, mask);
            }
            for (int q = 0; q < plane; q++) {
                if (inside && mask[q] != 0) {
                    runLength[q]++;
                    continue;
                }
                byte here = !inside ? OTHER : hu[q] > SOLID_HU ? SOLID : hu[q] < AERATED_HU ? AERATED : OTHER;
                int run = runLength[q];
                if (run > 0 && run <= maxRun && (before[q] == SOLID && here == AERATED
                        || before[q] == AERATED && here == SOLID)) {
                    if (kept == infection) {
                        kept = infection.copy();
                    }
                    for (int z = k - run; z < k; z++) {
                        kept.set(q % w, q / w, z, 0);
                    }
                }
                runLength[q] = 0;
                before[q] = here;
            }
        }
        return kept;
    }
}
