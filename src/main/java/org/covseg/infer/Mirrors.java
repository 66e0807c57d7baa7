package org.covseg.infer;

import org.covseg.data.augment.PlaneWarp;
import org.covseg.model.TestTimeFlips;

/** Mirrors every square plane of a batch array (planes of {@code size x size} one after the other), exactly. */
final class Mirrors {

    private Mirrors() {
    }

    /** The planes mirrored as {@code mirror} says (the array itself when it says neither); twice undoes it. */
    static float[] apply(TestTimeFlips.Mirror mirror, float[] planes, int size) {
        if (!mirror.x() && !mirror.y()) {
            return planes;
        }
        PlaneWarp warp = PlaneWarp.identity();
        if (mirror.x()) {
            warp = warp.then(PlaneWarp.flipX(size));
        }
        if (mirror.y()) {
            warp = warp.then(PlaneWarp.flipY(size));
        }
        int plane = size * size;
        float[] out = new float[planes.length];
        float[] one = new float[plane];
        for (int start = 0; start < planes.length; start += plane) {
            System.arraycopy(planes, start, one, 0, plane);
            System.arraycopy(warp.apply(one, size, 0), 0, out, start, plane);
        }
        return out;
    }
}
