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
}
