package org.covseg.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InfNetObjectiveTest {

    private final NDManager manager = NDManager.newBaseManager();

    @AfterEach
    void close() {
        manager.close();
    }

    private NDArray constant(float value) {
        return manager.full(new Shape(1, 1, 3, 3), value);
    }

    @Test
    void sumsEdgeBceAndTheFourStructureLosses() {
        // maps in the order [map5, map4, map3, map2, edge]; masks empty, so w = 1 and every term is easy to check
        NDList outputs = new NDList(constant(0), constant(0), constant(0), constant(0), constant(0));
        Batch batch = new Batch(manager.zeros(new Shape(1, 3, 3, 3)), constant(0), constant(1));
        Map<String, Double> values = new InfNetObjective(BceWeighting.WEIGHTED).loss(outputs, batch).values();
        double structure = Math.log(2) + 1 - 1 / 5.5;
        assertThat(values.keySet()).containsExactly("edge", "map5", "map4", "map3", "map2", "loss");
        assertThat(values.get("edge")).isCloseTo(Math.log(2), within(1e-6));
        assertThat(values.get("map3")).isCloseTo(structure, within(1e-6));
        assertThat(values.get("loss")).isCloseTo(Math.log(2) + 4 * structure, within(1e-5));
    }

    @Test
    void theEdgeMapIsSupervisedByTheEdgesAndTheOthersByTheMask() {
        // a confident, correct edge map (edge gt 1, logit 20) costs ~0; the same logits on the empty mask cost a lot
        NDList outputs = new NDList(constant(0), constant(0), constant(0), constant(20), constant(20));
        Batch batch = new Batch(manager.zeros(new Shape(1, 3, 3, 3)), constant(0), constant(1));
        Map<String, Double> values = new InfNetObjective(BceWeighting.WEIGHTED).loss(outputs, batch).values();
        assertThat(values.get("edge")).isCloseTo(0, within(1e-6));
        assertThat(values.get("map2")).isGreaterThan(20);
    }

    @Test
    void predictsTheSigmoidOfMap2() {
        NDList outputs = new NDList(constant(5), constant(5), constant(5), constant(-1), constant(5));
        float p = new InfNetObjective(BceWeighting.WEIGHTED).probability(outputs).getFloat(0, 0, 1, 1);
        assertThat(p).isCloseTo((float) (1 / (1 + Math.exp(1))), within(1e-6f));
    }

    @Test
    void needsFiveMaps() {
        assertThatThrownBy(() -> new InfNetObjective(BceWeighting.UNWEIGHTED).probability(new NDList(constant(0))))
                .hasMessageContaining("5 maps");
    }
}
