package org.covseg.train;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.covseg.CovsegException;
import org.covseg.data.augment.Augmentation;
import org.covseg.engine.EngineSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {

    /** 10 slices of 64² in batches of 4 (4, 4, 2) at 32, 64 and 96 px: 9 optimiser steps per epoch. */
    private static final TrainingOptions RECIPE =
            new TrainingOptions(4, 4, 64, List.of(0.5, 1.0, 1.5), 1e-2, 0.5, 2, 0.5, 0, 7, "dice");
    private static final TrainingSet TRAIN = new SyntheticSlices(10, 64);
    private static final TrainingSet VALIDATION = new SyntheticSlices(4, 64);

    @TempDir
    static Path shared;
    private static Path straightRun;
    private static Map<String, float[]> straightWeights;
    private static int threadsBefore;

    @TempDir
    Path dir;

    /**
     * One thread (restored afterwards): the runs compared below must use the same thread count, and one thread is
     * also much faster than oversubscribed OpenMP on a busy 2-core machine. The uninterrupted reference run is shared.
     */
    @BeforeAll
    static void trainOnceStraight() throws IOException {
        threadsBefore = EngineSetup.threads();
        EngineSetup.threads(1);
        straightRun = shared.resolve("straight");
        try (Net net = Net.create(1)) {
            assertThat(net.trainer(RECIPE, straightRun).fit(TRAIN, VALIDATION, TrainerTest::dice, false))
                    .isEqualTo(Trainer.Outcome.COMPLETED);
            straightWeights = net.weights();
        }
    }

    @AfterAll
    static void restoreThreads() {
        EngineSetup.threads(threadsBefore);
    }

    /** A freshly initialised stand-in network and the manager holding its parameters. */
    private record Net(TinyFiveMapNet block, NDManager manager) implements AutoCloseable {

        static Net create(int seed) {
            Engine.getInstance().setRandomSeed(seed);
            NDManager manager = NDManager.newBaseManager();
            TinyFiveMapNet block = new TinyFiveMapNet();
            block.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 64, 64));
            return new Net(block, manager);
        }

        Trainer trainer(TrainingOptions options, Path runDirectory) {
            return new Trainer(block, manager, new InfNetObjective(BceWeighting.WEIGHTED), new NearestResizer(),
                    options, runDirectory).showProgress(false);
        }

        Map<String, float[]> weights() {
            Map<String, float[]> copy = new LinkedHashMap<>();
            ModelArrays.all(block).forEach((name, array) -> copy.put(name, array.toFloatArray()));
            return copy;
        }

        @Override
        public void close() {
            manager.close();
        }
    }

    /** Dice of the maps thresholded at 0.5, pooled over the slices (a stand-in for the metrics package). */
    static Map<String, Double> dice(List<ValidationSlice> slices) {
        double overlap = 0;
        double total = 0;
        for (ValidationSlice s : slices) {
            for (int i = 0; i < s.probability().length; i++) {
                boolean p = s.probability()[i] >= 0.5;
                boolean g = s.truth()[i] >= 0.5;
                overlap += p && g ? 1 : 0;
                total += (p ? 1 : 0) + (g ? 1 : 0);
            }
        }
        return Map.of("dice", total == 0 ? 1 : 2 * overlap / total);
    }

    /** metrics.csv without the wall-clock and memory columns. */
    private static void assertSameWeights(Map<String, float[]> actual, Map<String, float[]> expected) {
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach((name, values) -> assertThat(actual.get(name)).as(name).containsExactly(values));
    }

    @Test
    void resumingAfterAKillEndsWithBitIdenticalWeights() throws IOException {
        Path run = dir.resolve("killed");
        try (Net net = Net.create(1)) {
            net.trainer(RECIPE.withEpochs(2), run).fit(TRAIN, VALIDATION, TrainerTest::dice, false);
        }
        try (Net net = Net.create(99)) {
            assertThat(net.weights().values().iterator().next())
                    .isNotEqualTo(straightWeights.values().iterator().next());
            assertThat(net.trainer(RECIPE, run).fit(TRAIN, VALIDATION, TrainerTest::dice, true))
                    .isEqualTo(Trainer.Outcome.COMPLETED);
            assertSameWeights(net.weights(), straightWeights);
        }
        assertThat(MetricsRows.withoutTimings(run)).isEqualTo(MetricsRows.withoutTimings(straightRun));
    }

    @Test
    void aNonFiniteLossStopsTrainingAndKeepsTheLastGoodCheckpoint() throws IOException {
        Path run = dir.resolve("nan");
        try (Net net = Net.create(1)) {
            Trainer trainer = net.trainer(RECIPE, run);
            int[] loads = {0};
            TrainingSet nanFromEpochTwo = new TrainingSet() {
                @Override
                public int size() {
                    return TRAIN.size();
                }

                @Override
                public Batch load(NDManager manager, int[] indices) {
                    Batch batch = TRAIN.load(manager, indices);
                    // 3 batches per epoch: load 4 is epoch 2's first
                    return ++loads[0] < 4 ? batch
                            : new Batch(batch.images().mul(Float.NaN), batch.masks(), batch.edges());
                }
            };
            assertThatThrownBy(() -> trainer.fit(nanFromEpochTwo, VALIDATION, TrainerTest::dice, false))
                    .isInstanceOf(CovsegException.class)
                    .hasMessageStartingWith("training stopped at epoch 2, step 1: the loss is not finite")
                    .hasMessageContaining("the weights of the last finished epoch stay in "
                            + trainer.checkpoints().location(CheckpointStore.LAST));
            TrainingState saved = trainer.checkpoints().readState(CheckpointStore.LAST);
            assertThat(saved.epoch()).isEqualTo(2);
            assertThat(saved.history()).hasSize(1);
        }
        try (Net net = Net.create(99)) {
            Trainer.checkpointsOf(run).loadWeights(CheckpointStore.LAST, ModelArrays.all(net.block()), net.manager());
            assertThat(net.weights().values()).allSatisfy(values -> {
                for (float v : values) {
                    assertThat(Float.isFinite(v)).isTrue();
                }
            });
        }
    }

    @Test
    void aStopMidEpochSavesTheStepAndResumesExactly() throws IOException {
        Path run = dir.resolve("stopped");
        try (Net net = Net.create(1)) {
            Trainer trainer = net.trainer(RECIPE, run);
            int[] loads = {0};
            TrainingSet stopsDuringEpochTwo = new TrainingSet() {
                @Override
                public int size() {
                    return TRAIN.size();
                }

                @Override
                public Batch load(NDManager manager, int[] indices) {
                    if (++loads[0] == 5) {
                        trainer.stopSignal().request();
                    }
                    return TRAIN.load(manager, indices);
                }
            };
            assertThat(trainer.fit(stopsDuringEpochTwo, VALIDATION, TrainerTest::dice, false))
                    .isEqualTo(Trainer.Outcome.STOPPED);
            TrainingState saved = trainer.checkpoints().readState(CheckpointStore.LAST);
            // load 5 is epoch 2's second batch; the stop takes effect after its first scale: step 4 of 9
            assertThat(saved.epoch()).isEqualTo(2);
            assertThat(saved.step()).isEqualTo(4);
            assertThat(saved.optimizerSteps()).isEqualTo(9 + 4);
        }
        try (Net net = Net.create(99)) {
            net.trainer(RECIPE, run).fit(TRAIN, VALIDATION, TrainerTest::dice, true);
            assertSameWeights(net.weights(), straightWeights);
        }
        assertThat(MetricsRows.withoutTimings(run)).isEqualTo(MetricsRows.withoutTimings(straightRun));
    }

    @Test
    void anAugmentedRunStoppedMidEpochResumesExactly() throws IOException {
        TrainingOptions recipe = RECIPE.withEpochs(2).withAugmentation(Augmentation.of(List.of("all"), 0.4));
        TrainingSet train = AugmentedTrainingSet.of(LabeledDiscs.prepared(10, 64), recipe.augmentation(),
                recipe.seed());
        Map<String, float[]> straight;
        try (Net net = Net.create(1)) {
            net.trainer(recipe, dir.resolve("straight")).fit(train, VALIDATION, TrainerTest::dice, false);
            straight = net.weights();
        }
        Path run = dir.resolve("stopped");
        try (Net net = Net.create(1)) {
            Trainer trainer = net.trainer(recipe, run);
            TrainingSet stopsInEpochTwo = new TrainingSet() {
                @Override
                public int size() {
                    return train.size();
                }

                @Override
                public TrainingSet forEpoch(int epoch) {
                    if (epoch == 2) {
                        trainer.stopSignal().request();
                    }
                    return train.forEpoch(epoch);
                }

                @Override
                public Batch load(NDManager manager, int[] indices) {
                    throw new AssertionError("the trainer loads batches through forEpoch");
                }
            };
            assertThat(trainer.fit(stopsInEpochTwo, VALIDATION, TrainerTest::dice, false))
                    .isEqualTo(Trainer.Outcome.STOPPED);
            assertThat(trainer.checkpoints().readState(CheckpointStore.LAST).step()).isEqualTo(1);
        }
        try (Net net = Net.create(99)) {
            net.trainer(recipe, run).fit(train, VALIDATION, TrainerTest::dice, true);
            assertSameWeights(net.weights(), straight);
        }
        assertThat(MetricsRows.withoutTimings(run)).isEqualTo(MetricsRows.withoutTimings(dir.resolve("straight")));
        assertThat(straight.values().iterator().next()).isNotEqualTo(straightWeights.values().iterator().next());
    }

    @Test
    void writesMetricsChartAndCheckpoints() throws IOException {
        Path run = straightRun;
        List<String> csv = Files.readAllLines(run.resolve("metrics.csv"));
        assertThat(csv.get(0)).isEqualTo("epoch,lr,train_edge,train_map5,train_map4,train_map3,train_map2,"
                + "train_loss,val_loss,val_dice,seconds,rss_mb");
        assertThat(csv).hasSize(5);
        assertThat(csv.get(1)).startsWith("1,0.0100000,");
        assertThat(csv.get(4)).startsWith("4,0.00250000,");
        assertThat(Arrays.copyOf(Files.readAllBytes(run.resolve("loss.png")), 4))
                .containsExactly(0x89, 'P', 'N', 'G');

        CheckpointStore checkpoints = new CheckpointStore(run.resolve("checkpoint"), new DjlTensorFile());
        TrainingState last = checkpoints.readState(CheckpointStore.LAST);
        assertThat(last.epoch()).isEqualTo(5);
        assertThat(last.optimizerSteps()).isEqualTo(4 * 9);
        TrainingState best = checkpoints.readState(CheckpointStore.BEST);
        double bestDice = csv.stream().skip(1).mapToDouble(l -> Double.parseDouble(l.split(",")[9])).max()
                .orElseThrow();
        assertThat(best.bestScore()).isCloseTo(bestDice, org.assertj.core.api.Assertions.within(1e-5));
        assertThat(last.bestEpoch()).isEqualTo(best.bestEpoch());
        assertThat(last.history()).hasSize(4);
    }

    @Test
    void trainsEveryBatchAtEveryScale() throws IOException {
        try (Net net = Net.create(1)) {
            NearestResizer resizer = new NearestResizer();
            new Trainer(net.block(), net.manager(), new InfNetObjective(BceWeighting.WEIGHTED), resizer,
                    RECIPE.withEpochs(1), dir).showProgress(false).fit(TRAIN, null, null, false);
            // per batch: images, masks and edges to 32 px, then (64 px needs no resize) to 96 px
            List<Integer> perBatch = List.of(32, 32, 32, 96, 96, 96);
            assertThat(resizer.requestedHeights).hasSize(3 * perBatch.size());
            for (int b = 0; b < 3; b++) {
                assertThat(resizer.requestedHeights.subList(b * 6, b * 6 + 6)).isEqualTo(perBatch);
            }
        }
    }

    @Test
    void stepsLeaveNoArraysBehind() throws IOException {
        try (Net net = Net.create(1)) {
            int before = net.manager().getManagedArrays().size();
            net.trainer(RECIPE.withEpochs(2), dir).fit(TRAIN, VALIDATION, TrainerTest::dice, false);
            assertThat(net.manager().getManagedArrays()).hasSize(before);
        }
    }

    @Test
    void refusesToOverwriteOrMisresumeARun() throws IOException {
        try (Net net = Net.create(1)) {
            assertThatThrownBy(() -> net.trainer(RECIPE, dir).fit(TRAIN, null, null, true))
                    .isInstanceOf(CovsegException.class).hasMessageContaining("nothing to resume");
            net.trainer(RECIPE.withEpochs(1), dir).fit(TRAIN, null, null, false);
            assertThatThrownBy(() -> net.trainer(RECIPE, dir).fit(TRAIN, null, null, false))
                    .isInstanceOf(CovsegException.class).hasMessageContaining("--resume");
            assertThatThrownBy(() -> net.trainer(RECIPE.withBatchSize(2), dir).fit(TRAIN, null, null, true))
                    .isInstanceOf(CovsegException.class).hasMessageContaining("only the number of epochs");
        }
    }

    @Test
    void gradientsAreTakenThroughTheStepManagerOnly() {
        try (Net net = Net.create(1); NDManager step = net.manager().newSubManager()) {
            NDArray weight = ModelArrays.trainable(net.block()).values().iterator().next();
            int before = net.manager().getManagedArrays().size();
            Gradients.of(weight, step);
            step.close();
            assertThat(net.manager().getManagedArrays()).hasSize(before);
        }
    }
}
