package org.covseg.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AdamTest {

    private final NDManager manager = NDManager.newBaseManager();

    @AfterEach
    void close() {
        manager.close();
    }

    private NDArray weight(float... values) {
        NDArray w = manager.create(values);
        w.setRequiresGradient(true);
        return w;
    }

    /** Sets the gradient of {@code w} to exactly {@code g} (loss = Σ g·w), after zeroing the previous one. */
    private void setGradient(NDArray w, float... g) {
        try (NDManager step = manager.newSubManager()) {
            Gradients.zero(java.util.List.of(w), step);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                collector.backward(w.mul(step.create(g)).sum());
            }
        }
    }

    private void step(Adam adam, double lr) {
        try (NDManager step = manager.newSubManager()) {
            adam.step(lr, step);
        }
    }

    @Test
    void firstTwoStepsMatchTorchAdam() {
        NDArray w = weight(1, -2);
        try (Adam adam = new Adam(Map.of("w", w), manager, 0)) {
            setGradient(w, 0.2f, -0.05f);
            step(adam, 0.1);
            // step 1: m = 0.1·g, v = 0.001·g², bias corrections 0.1 and 0.001 → update = lr·g/(|g| + 1e-8)
            assertThat(w.toFloatArray()).containsExactly(new float[] {0.9f, -1.9f}, within(1e-7f));

            setGradient(w, 0.1f, 0.3f);
            step(adam, 0.1);
            // step 2 for the first element: m = 0.9·0.02 + 0.1·0.1 = 0.028, v = 0.999·4e-5 + 0.001·0.01 = 4.996e-5,
            // denominator = sqrt(v)/sqrt(1 − 0.999²) + 1e-8, update = (0.1 / (1 − 0.9²)) · m / denominator
            double denominator = Math.sqrt(4.996e-5) / Math.sqrt(1 - 0.999 * 0.999) + 1e-8;
            double expected = 0.9 - 0.1 / (1 - 0.81) * 0.028 / denominator;
            assertThat(w.getFloat(0)).isCloseTo((float) expected, within(1e-6f));
            // second element: m = 0.9·(−0.005) + 0.03 = 0.0255, v = 0.999·2.5e-6 + 0.001·0.09 = 9.24975e-5
            double denominator2 = Math.sqrt(9.24975e-5) / Math.sqrt(1 - 0.999 * 0.999) + 1e-8;
            assertThat(w.getFloat(1)).isCloseTo((float) (-1.9 - 0.1 / 0.19 * 0.0255 / denominator2), within(1e-6f));
            assertThat(adam.steps()).isEqualTo(2);
        }
    }

    @Test
    void weightDecayIsAddedToTheGradient() {
        NDArray w = weight(2);
        try (Adam adam = new Adam(Map.of("w", w), manager, 0.5)) {
            setGradient(w, -0.5f);
            step(adam, 0.01);
            // effective gradient −0.5 + 0.5·2 = 0.5 > 0, so the first step moves w down by lr
            assertThat(w.getFloat(0)).isCloseTo(1.99f, within(1e-7f));
        }
    }

    @Test
    void restoredStateContinuesExactly() {
        NDArray a = weight(0.3f, -0.7f, 1.1f);
        NDArray b = weight(0.3f, -0.7f, 1.1f);
        try (Adam first = new Adam(Map.of("w", a), manager, 0); Adam second = new Adam(Map.of("w", b), manager, 0)) {
            setGradient(a, 0.2f, -0.4f, 0.01f);
            step(first, 0.05);
            setGradient(a, -0.1f, 0.3f, 0.02f);
            step(first, 0.05);

            ArrayCopy.into(a, b, "w");
            second.restore(first.state(), first.steps());
            setGradient(a, 0.5f, 0.5f, -0.5f);
            setGradient(b, 0.5f, 0.5f, -0.5f);
            step(first, 0.05);
            step(second, 0.05);
            assertThat(b.toFloatArray()).containsExactly(a.toFloatArray());
            assertThat(second.steps()).isEqualTo(3);
        }
    }

    @Test
    void restoreRejectsAnotherModelsState() {
        NDArray w = weight(1);
        try (Adam adam = new Adam(Map.of("w", w), manager, 0)) {
            assertThatThrownBy(() -> adam.restore(Map.of("m/x", w, "v/x", w), 1))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void gradientsAreClampedOnBothSidesInPlace() {
        NDArray w = weight(0, 0, 0, 0);
        setGradient(w, 3, -0.7f, 0.2f, -4);
        try (NDManager step = manager.newSubManager()) {
            Gradients.clampInPlace(java.util.List.of(w), 0.5, step);
        }
        assertThat(w.getGradient().toFloatArray()).containsExactly(0.5f, -0.5f, 0.2f, -0.5f);
    }

    @Test
    void gradientsAreZeroed() {
        NDArray w = weight(0, 0);
        setGradient(w, 3, -1);
        try (NDManager step = manager.newSubManager()) {
            Gradients.zero(java.util.List.of(w), step);
        }
        assertThat(w.getGradient().toFloatArray()).containsExactly(0f, 0f);
    }
}
