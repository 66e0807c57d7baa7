package org.covseg.lungs;

import org.covseg.CovsegException;
import org.covseg.image.IntensityUnit;
import org.covseg.image.Volume;
import org.covseg.image.Voxels;
import org.covseg.image.Window;
import org.covseg.io.SliceImageReader;

/**
 * A scan's voxels as Hounsfield units. An 8-bit lung-windowed image has lost its true HU, but its grey levels
 * map back linearly through {@link Window#LUNG} (grey 0..255 → −1350..+150 HU), which is exact inside the window;
 * what the window clipped stays at its ends (air and padding below −1350, bone above +150). The lung
 * segmentation only compares values inside that range, so it runs unchanged on both kinds of input.
 */
final class HounsfieldUnits {

    private HounsfieldUnits() {
    }

    /** The CT in HU, for reading only: a volume in HU is not copied (see {@link Volume#readOnlyVoxels}). */
    static Voxels of(Volume ct) {
        if (ct.unit() == IntensityUnit.HU) {
            return ct.readOnlyVoxels();
        }
        if (ct.unit() != IntensityUnit.WINDOWED_8BIT) {
            throw new CovsegException("cannot segment the lungs of " + describe(ct) + ": it holds " + ct.unit()
                    + " values, not a CT image (Hounsfield units or 8-bit lung-windowed grey levels)");
        }
        float[] v = ct.toArray();
        for (int p = 0; p < v.length; p++) {
            v[p] = Window.LUNG.toHu(v[p]);
        }
        return Voxels.of(v);
    }

    static String describe(Volume ct) {
        String source = ct.metadata().get(SliceImageReader.SOURCE);
        return source != null ? source : "the " + ct.width() + " x " + ct.height() + " x " + ct.depth() + " scan";
    }
}
