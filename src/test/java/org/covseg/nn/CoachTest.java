package org.covseg.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NDManagerExtension.class)
class CoachTest {

    private static Coach coach(NDManager manager, int size) {
        Coach coach = new Coach(0.125);
        coach.initialize(manager, DataType.FLOAT32, new Shape(2, 3, size, size));
        return coach;
    }

    @Test
    void oneLogitPerSixteenPixelCellPlusLatentMoments(NDManager manager) {
        Coach coach = coach(manager, 64);
        NDList out = coach.forward(new ParameterStore(manager, false), new NDList(manager.randomNormal(
                new Shape(2, 3, 64, 96))), false);
        assertThat(out.get(0).getShape()).isEqualTo(new Shape(2, 1, 4, 6));
        assertThat(out.get(1).getShape()).isEqualTo(new Shape(2, 13, 4, 6));
        assertThat(out.get(2).getShape()).isEqualTo(out.get(1).getShape());
    }

    @Test
    void samplingVariesTheLogitsOnlyWhenAsked(NDManager manager) {
        Coach coach = coach(manager, 32);
        ParameterStore store = new ParameterStore(manager, false);
        NDArray x = manager.randomNormal(new Shape(2, 3, 32, 32));
        NDArray mean1 = coach.forward(store, new NDList(x), false).get(0);
        NDArray mean2 = coach.forward(store, new NDList(x), false).get(0);
        NDArray sampled = coach.forward(store, new NDList(x), false, Coach.SAMPLE).get(0);
        assertThat(mean1.toFloatArray()).isEqualTo(mean2.toFloatArray());
        assertThat(sampled.toFloatArray()).isNotEqualTo(mean1.toFloatArray());
    }

    /** Gradients reach every parameter, through the stride-2 residual paths (oneDNN crash guard, reference §6). */
    @Test
    void backwardReachesEveryParameter(NDManager manager) {
        Coach coach = coach(manager, 64);
        try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
            NDList out = coach.forward(new ParameterStore(manager, false),
                    new NDList(manager.randomNormal(new Shape(2, 3, 64, 64))), true);
            collector.backward(out.get(0).square().sum().add(out.get(1).sum()).add(out.get(2).sum()));
        }
        for (var p : coach.getParameters()) {
            Parameter parameter = p.getValue();
            if (parameter.requiresGradient()) {
                assertThat(parameter.getArray().getGradient().abs().sum().getFloat()).as(p.getKey()).isPositive();
            }
        }
    }

    @Test
    void refusesSizesThatAreNotWholeCells(NDManager manager) {
        Coach coach = coach(manager, 64);
        assertThatThrownBy(() -> coach.forward(new ParameterStore(manager, false),
                new NDList(manager.zeros(new Shape(1, 3, 40, 48))), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multiples of 16");
    }

    /** The latent starts with unit variance, so the KL term and the samples start at a sane scale. */
    @Test
    void logVarianceStartsAtZero(NDManager manager) {
        Coach coach = coach(manager, 32);
        NDList out = coach.forward(new ParameterStore(manager, false),
                new NDList(manager.randomNormal(new Shape(2, 3, 32, 32))), false);
        assertThat(out.get(2).abs().max().getFloat()).isZero();
    }
}
