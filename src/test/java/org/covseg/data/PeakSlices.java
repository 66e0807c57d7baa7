package org.covseg.data;

import org.covseg.image.IntensityUnit;
import org.covseg.image.Volume;

/** Synthetic 8-bit slices with a lung and a soft-tissue grey peak, for the re-windowing tests. */
final class PeakSlices {

    private PeakSlices() {
    }

    /** Noisy peaks (5 levels wide) at the two grey levels, 600 and 400 pixels. */
    static Volume slice(int lung, int softTissue) {
        float[] v = new float[1000];
        int[] spread = {-2, -1, -1, 0, 0, 0, 0, 1, 1, 2};
        for (int p = 0; p < v.length; p++) {
            v[p] = (p < 600 ? lung : softTissue) + spread[p % spread.length];
        }
        return Volume.builder(1000, 1, 1).voxels(v).unit(IntensityUnit.WINDOWED_8BIT).build();
    }
}
