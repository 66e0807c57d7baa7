package org.covseg.lungs;

import org.covseg.image.ConnectedComponents;
import org.covseg.image.IntensityUnit;
import org.covseg.image.Volume;

/**
 * What a Hounsfield-unit scan says for itself: aerated lung is not infection, whatever a network says. Aerated lung
 * lies around −850 HU and below, ground-glass opacity roughly between −750 and −300 HU. Each region the network
 * called infection (face-connected, slice by slice) whose mean is below {@value #MAX_HU} HU is taken for aerated
 * lung and dropped as a whole: judged voxel by voxel, the kernel's noise would punch holes into faint ground-glass
 * opacity (a 3×3 mean below −750 HU dropped 17 % of the infection inside the lungs of the real study in ../shared,
 * leaving its ground glass speckled; whole regions, 6 %). 8-bit images are left as they are: their grey levels
 * give Hounsfield units only through the window they were exported with, which is not known.
 */
public final class AeratedLung {

    public static final float MAX_HU = -750;

    private AeratedLung() {
    }

    /**
     * The infection mask without its aerated regions, held as the mask is (floats or a label map); the mask itself
     * for a scan not in HU.
     */
    public static Volume removeFrom(Volume infection, Volume ct) {
        if (ct.unit() != IntensityUnit.HU) {
            return infection;
        }
        Volume kept = infection.copy();
        int plane = ct.width() * ct.height();
        float[] hu = new float[plane];
        float[] mask = new float[plane];
        for (int k = 0; k < ct.depth(); k++) {
            ct.readSlice(k, hu);
            infection.readSlice(k, mask);
            boolean[] infected = new boolean[plane];
            for (int q = 0; q < plane; q++) {
                infected[q] = mask[q] != 0;
            }
            ConnectedComponents regions = ConnectedComponents.faceConnected(infected, ct.width(), ct.height(), 1);
            double[] sum = new double[regions.count() + 1];
            for (int q = 0; q < plane; q++) {
                sum[regions.label(q)] += hu[q];
            }
            for (int q = 0; q < plane; q++) {
                int region = regions.label(q);
                if (region != 0 && sum[region] / regions.size(region) < MAX_HU) {
                    kept.set(q % ct.width(), q / ct.width(), k, 0);
                }
            }
        }
        return kept;
    }
}
