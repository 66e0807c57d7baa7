package org.covseg.engine;

import org.covseg.CovsegException;

/**
 * Stops a NaN or infinite network output before it becomes a number a user reads: a probability, a mask, a score.
 */
public final class FiniteOutputs {

    private FiniteOutputs() {
    }

    /**
     * Returns {@code values} when all are finite.
     *
     * @param model the model's name as the user knows it, e.g. {@code model "infection" version 4}
     * @throws CovsegException naming the model and the numerics mode otherwise
     */
    public static float[] require(float[] values, String model) {
        int nonFinite = 0;
        for (float v : values) {
            if (!Float.isFinite(v)) {
                nonFinite++;
            }
        }
        if (nonFinite > 0) {
            throw new CovsegException(model + " gave " + nonFinite + " NaN or infinite values out of "
                    + values.length + ", so no result is made from them; the engine self-check passed in mode "
                    + Numerics.ensure() + ", so the model's weights or this input are the likely cause ('covseg "
                    + "doctor' re-checks the engine)");
        }
        return values;
    }
}
