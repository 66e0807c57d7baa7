package org.covseg.train;


import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.Map;
import org.covseg.engine.EngineSetup;
import org.covseg.nn.UNet;
import org.covseg.nn.UNetConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MulticlassObjectiveTest {

    private static final float LN3 = (float) Math.log(3);

    private final NDManager manager = NDManager.newBaseManager();

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void isTheMeanBinaryCrossEntropyOfEachClassAgainstItsOneHotTarget() {
        // two pixels (N=1, 3 classes, 1x2), channel-major: pixel 0 is background, pixel 1 consolidation
        NDArray logits = manager.create(new float[] {LN3, 0, 0, 0, -LN3, LN3}, new Shape(1, 3, 1, 2));
        NDArray oneHot = manager.create(new float[] {1, 0, 0, 0, 0, 1}, new Shape(1, 3, 1, 2));
        Batch batch = Batch.withoutEdges(manager.zeros(new Shape(1, 6, 1, 2)), oneHot);
        Map<String, Double> values = new MulticlassObjective(ClassLoss.BCE).loss(new NDList(logits), batch).values();
        // σ(ln 3) = 3/4: the three confident elements cost −ln(3/4) each, the three zero logits ln 2 each
        assertThat(values).containsOnlyKeys("loss");
        assertThat(values.get("loss")).isCloseTo((3 * Math.log(4.0 / 3) + 3 * Math.log(2)) / 6, within(1e-6));
        assertThat(new MulticlassObjective(ClassLoss.BCE).probability(new NDList(logits)).getFloat(0, 0, 0, 0))
                .isCloseTo(0.75f, within(1e-6f));
    }

    @Test
    void bceDiceAddsTheMeanBatchDiceLossOfTheTwoLesionClasses() {
        NDArray logits = manager.create(new float[] {LN3, 0, 0, 0, -LN3, LN3}, new Shape(1, 3, 1, 2));
        NDArray oneHot = manager.create(new float[] {1, 0, 0, 0, 0, 1}, new Shape(1, 3, 1, 2));
        Batch batch = Batch.withoutEdges(manager.zeros(new Shape(1, 6, 1, 2)), oneHot);
        Map<String, Double> values = new MulticlassObjective(ClassLoss.BCE_DICE).loss(new NDList(logits), batch)
                .values();
        // ground-glass: p = (1/2, 1/2), g = (0, 0): 1 − 1/(1 + 1) = 1/2
        // consolidation: p = (1/4, 3/4), g = (0, 1): 1 − (2·3/4 + 1)/(1 + 1 + 1) = 1/6
        double bce = (3 * Math.log(4.0 / 3) + 3 * Math.log(2)) / 6;
        double dice = (1.0 / 2 + 1.0 / 6) / 2;
        assertThat(values).containsOnlyKeys("bce", "dice", "loss");
        assertThat(values.get("bce")).isCloseTo(bce, within(1e-6));
        assertThat(values.get("dice")).isCloseTo(dice, within(1e-6));
        assertThat(values.get("loss")).isCloseTo(bce + dice, within(1e-6));
        assertThat(new MulticlassObjective(ClassLoss.BCE_DICE).describe()).isEqualTo("multiclass(sigmoid+bce+dice)");
    }

    @ParameterizedTest
    @EnumSource(ClassLoss.class)
    void aFewAdamStepsLowerTheLossOfTheUNetOnATinyBatch(ClassLoss kind) {
        EngineSetup.seed(5);
        UNetConfig config = UNetConfig.multiclass(0.1, 32);
        UNet net = new UNet(config);
        net.initialize(manager, DataType.FLOAT32, config.inputShape(2));
        ParameterStore store = new ParameterStore(manager, false);
        NDArray images = manager.randomNormal(config.inputShape(2));
        // class = 1 where the first input channel is positive, 2 where the fourth is, else background
        NDArray ggo = images.get(":, 0:1").gt(0);
        NDArray consolidation = images.get(":, 3:4").gt(0).logicalAnd(ggo.logicalNot());
        NDArray background = ggo.logicalOr(consolidation).logicalNot();
        NDArray oneHot = background.concat(ggo, 1).concat(consolidation, 1).toType(DataType.FLOAT32, false);
        Batch batch = Batch.withoutEdges(images, oneHot);
        MulticlassObjective objective = new MulticlassObjective(kind);
        double first = 0;
        double last = 0;
        try (Adam adam = new Adam(ModelArrays.trainable(net), manager, 0)) {
            for (int step = 0; step < 10; step++) {
                try (NDManager stepManager = manager.newSubManager()) {
                    Gradients.zero(ModelArrays.trainable(net).values(), stepManager);
                    double loss;
                    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                        NDArray total = objective.loss(net.forward(store, new NDList(images), true), batch).total();
                        collector.backward(total);
                        loss = total.getFloat();
                    }
                    adam.step(1e-2, stepManager);
                    first = step == 0 ? loss : first;
                    last = loss;
                }
            }
        }
        assertThat(last).as("loss after 10 steps vs. first %s", first).isLessThan(first * 0.9);
    }
}
