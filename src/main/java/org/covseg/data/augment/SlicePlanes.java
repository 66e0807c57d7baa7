package org.covseg.data.augment;

import java.util.Objects;

/**
 * One training slice as square row-major planes of side {@code size}: the grey image (levels 0..255 before
 * normalisation), and the infection mask and edge map as soft values in [0, 1].
 */
public record SlicePlanes(int size, float[] grey, float[] mask, float[] edge) {

    public SlicePlanes {
        Objects.requireNonNull(grey, "grey");
        Objects.requireNonNull(mask, "mask");
        Objects.requireNonNull(edge, "edge");
        int pixels = size * size;
        if (size <= 0 || grey.length != pixels || mask.length != pixels || edge.length != pixels) {
            throw new IllegalArgumentException("planes of " + grey.length + ", " + mask.length + " and "
                    + edge.length + " values do not all fit " + size + "x" + size);
        }
    }

    /** The same slice with every plane resampled by {@code warp}; outside the slice the image is black, labels 0. */
    public SlicePlanes warped(PlaneWarp warp) {
        return new SlicePlanes(size, warp.apply(grey, size, 0), warp.apply(mask, size, 0),
                warp.apply(edge, size, 0));
    }

    public SlicePlanes withGrey(float[] value) {
        return new SlicePlanes(size, value, mask, edge);
    }
}
