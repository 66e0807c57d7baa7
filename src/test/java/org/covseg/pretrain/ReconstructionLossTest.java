package org.covseg.pretrain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.covseg.nn.NDManagerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NDManagerExtension.class)
class ReconstructionLossTest {

    /**
     * Four pixels, reconstruction − target = 0, 3, 1, 0.5 → squared errors 0, 9 (clamped to 2), 1, 0.25; pixels 2
     * and 3 erased: rec = (2 + 1)/2 = 1.5, con = (0 + 0.25)/2 = 0.125, loss = 0.99·1.5 + 0.01·0.125 = 1.48625.
     */
    @Test
    void clampedSquaredErrorAveragedOverErasedAndKeptPixels(NDManager manager) {
        NDArray reconstruction = manager.create(new float[] {1, 3, 1, 0.5f}, new Shape(1, 1, 2, 2));
        NDArray target = manager.create(new float[] {1, 0, 0, 0}, new Shape(1, 1, 2, 2));
        NDArray keep = manager.create(new float[] {1, 0, 0, 1}, new Shape(1, 1, 2, 2));
        NDArray error = ReconstructionLoss.error(reconstruction, target);
        assertThat(error.toFloatArray()).containsExactly(0, 2, 1, 0.25f);
        assertThat(ReconstructionLoss.erased(error, keep).getFloat()).isCloseTo(1.5f, within(1e-5f));
        assertThat(ReconstructionLoss.kept(error, keep).getFloat()).isCloseTo(0.125f, within(1e-5f));
        assertThat(ReconstructionLoss.total(error, keep).getFloat()).isCloseTo(1.48625f, within(1e-5f));
    }

    /** Soft masks weight each pixel: keep 0.5 counts half erased, half kept. */
    @Test
    void softMasksWeightThePixels(NDManager manager) {
        NDArray error = manager.create(new float[] {2, 0}, new Shape(1, 1, 1, 2));
        NDArray keep = manager.create(new float[] {0.5f, 1}, new Shape(1, 1, 1, 2));
        assertThat(ReconstructionLoss.erased(error, keep).getFloat()).isCloseTo(2f, within(1e-5f));
        assertThat(ReconstructionLoss.kept(error, keep).getFloat()).isCloseTo(1f / 1.5f, within(1e-5f));
    }
}
