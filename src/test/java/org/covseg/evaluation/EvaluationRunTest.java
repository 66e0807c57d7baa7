package org.covseg.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.covseg.CovsegException;
import org.covseg.metrics.Evaluation;
import org.covseg.metrics.EvaluationSummary;
import org.covseg.metrics.ProtocolMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationRunTest {

    private static final TruthMask TRUTH = new TruthMask(new boolean[] {true, false, false, true}, 2, 2);

    @TempDir
    Path dir;

    @Test
    void inMemoryProbabilitiesScoreAsTheMetricsDo() {
        TruthMask truth = new TruthMask(new boolean[] {
            true, true, false, false,
            true, true, false, false,
            false, false, false, false,
            false, false, false, false}, 4, 4);
        float[] probabilities = {
            0.9f, 0.2f, 0.1f, 0.1f,
            0.8f, 0.7f, 0.6f, 0.1f,
            0.1f, 0.1f, 0.1f, 0.1f,
            0.3f, 0.1f, 0.1f, 0.1f};
        EvaluationResult result = new EvaluationRun().evaluate(
                List.of(PredictionPair.ofProbabilities("s1", probabilities, truth)));
        Evaluation direct = new Evaluation();
        direct.add("s1", probabilities, truth.pixels(), 4, 4);
        EvaluationSummary expected = direct.summary();

        assertThat(result.singleClass()).isTrue();
        ClassResult only = result.classes().get(0);
        assertThat(only.className()).isEqualTo(InfectionClass.INFECTION);
        assertThat(only.summary().meanDice()).isEqualTo(expected.meanDice());
        assertThat(only.summary().sMeasure()).isEqualTo(expected.sMeasure()).isNotNaN();
        // p >= .5 predicts 4 pixels, 3 of them in the 4-pixel truth: Dice 2·3 / (4 + 4) = .75.
        assertThat(only.summary().dice()).isCloseTo(0.75, within(1e-12));
        assertThat(only.images().get(0).confusion().predictedPositives()).isEqualTo(4);
        assertThat(only.worst()).extracting(c -> c.pair().name()).containsExactly("s1");
        assertThat(only.best()).isEmpty();
        assertThat(result.resized()).isZero();
    }

    @Test
    void classesKeepTheirFirstUseOrderAndResizedMapsAreCounted() {
        PredictionMap resized = new PredictionMap.GreyLevels(
                ProtocolMap.fromGreyLevels(new int[] {255, 0, 0, 255}, 2, 2), true);
        EvaluationResult result = new EvaluationRun().evaluate(List.of(
                new PredictionPair("a", "ggo", resized, TRUTH),
                PredictionPair.ofProbabilities("a", "consolidation", new float[4], TRUTH),
                PredictionPair.ofProbabilities("b", "ggo", new float[] {1, 0, 0, 1}, TRUTH)));
        assertThat(result.classes()).extracting(ClassResult::className).containsExactly("ggo", "consolidation");
        assertThat(result.singleClass()).isFalse();
        assertThat(result.pairs()).isEqualTo(3);
        assertThat(result.resized()).isEqualTo(1);
        assertThat(result.classes().get(0).summary().dice()).isEqualTo(1.0);
        assertThat(result.classes().get(1).summary().dice()).isEqualTo(0.0);
    }

    @Test
    void readsFolderPairsLazilyAndFailsOnNothing() {
        Path pred = TestMaps.writeGrey(dir.resolve("x.png"), new float[] {255, 0, 0, 255}, 2, 2);
        Path gt = TestMaps.writeGrey(dir.resolve("x_gt.png"), new float[] {255, 0, 0, 255}, 2, 2);
        EvaluationResult result = new EvaluationRun().evaluate(
                List.of(new FilePair("x", InfectionClass.INFECTION, pred, Optional.empty(), TruthFile.mask(gt)).read()));
        assertThat(result.classes().get(0).summary().dice()).isEqualTo(1.0);
        assertThatThrownBy(() -> new EvaluationRun().evaluate(List.of())).isInstanceOf(CovsegException.class);
    }

    @Test
    void pairsMustHaveOneSize() {
        TruthMask wide = new TruthMask(new boolean[6], 3, 2);
        assertThatThrownBy(() -> PredictionPair.ofProbabilities("x", new float[4], wide))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PredictionPair("x", "ggo",
                new PredictionMap.Probabilities(new float[4], 2, 2), wide))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3x2");
    }
}
