package org.covseg.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.covseg.nn.SegmentationArchitecture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each architecture trains with its objective through the project's trainer; the single-map objective's terms. */
class ArchitectureObjectivesTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(SegmentationArchitecture.class)
    void aFewEpochsLowerTheTrainingLoss(SegmentationArchitecture architecture) throws IOException {
        TrainingOptions options = new TrainingOptions(4, 2, 64, List.of(1.0), 1e-3, 0.5, 0, 0.5, 0, 3, "dice");
        try (NDManager manager = NDManager.newBaseManager()) {
            Block net = architecture.build(0.1, 64);
            net.initialize(manager, DataType.FLOAT32, architecture.inputShape(1, 64));
            Objective objective = InfectionTraining.objective(architecture, BceWeighting.WEIGHTED);
            new Trainer(net, manager, objective, new NearestResizer(), options, dir).showProgress(false)
                    .fit(LabeledDiscs.prepared(4, 64), null, null, false);
        }
        List<String> csv = Files.readAllLines(dir.resolve("metrics.csv"));
        int loss = List.of(csv.get(0).split(",")).indexOf("train_loss");
        double first = Double.parseDouble(csv.get(1).split(",")[loss]);
        double last = Double.parseDouble(csv.get(4).split(",")[loss]);
        assertThat(last).as(architecture.option()).isLessThan(first);
    }

    @Test
    void singleMapObjectiveIsTheStructureLossOfItsOneMap() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray logits = manager.randomNormal(new Shape(2, 1, 32, 32));
            NDArray masks = manager.randomUniform(0, 1, new Shape(2, 1, 32, 32)).gt(0.6).toType(DataType.FLOAT32,
                    false);
            SingleMapObjective objective = new SingleMapObjective(BceWeighting.UNWEIGHTED);
            LossTerms terms = objective.loss(new NDList(logits), Batch.withoutEdges(logits, masks));
            StructureLoss.Terms expected = new StructureLoss(BceWeighting.UNWEIGHTED).compute(logits, masks);
            assertThat(terms.terms()).containsOnlyKeys("bce", "iou");
            assertThat(terms.total().getFloat()).isCloseTo(expected.sum().getFloat(), within(1e-6f));
            assertThat(terms.terms().get("iou").getFloat()).isCloseTo(expected.iou().getFloat(), within(1e-6f));
            assertThat(objective.probability(new NDList(logits)).toFloatArray()[0])
                    .isCloseTo((float) (1 / (1 + Math.exp(-logits.toFloatArray()[0]))), within(1e-6f));
            assertThatThrownBy(() -> objective.probability(new NDList(logits, logits)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one logit map");
        }
    }
}
