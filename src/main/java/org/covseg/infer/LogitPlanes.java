package org.covseg.infer;

import org.covseg.image.BilinearResize;
import org.covseg.image.Volume;

/** Turns square logit planes of a network's batch output into probability maps at a slice's own size. */
final class LogitPlanes {

    private LogitPlanes() {
    }

    /**
     * Plane {@code index} of {@code logits} (consecutive size x size planes) resized to the slice's size, then
     * passed through the sigmoid (resizing logits, not probabilities, as the official test script does).
     */
    static float[] probability(float[] logits, int index, int size, Volume slice) {
        float[] plane = new float[size * size];
        System.arraycopy(logits, index * plane.length, plane, 0, plane.length);
        float[] resized = BilinearResize.resize(plane, size, size, slice.width(), slice.height(), false);
        for (int p = 0; p < resized.length; p++) {
            resized[p] = (float) (1 / (1 + Math.exp(-resized[p])));
        }
        return resized;
    }
}
