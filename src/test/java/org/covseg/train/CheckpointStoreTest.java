package org.covseg.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.covseg.CovsegException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointStoreTest {

    @TempDir
    Path dir;

    private final NDManager manager = NDManager.newBaseManager();

    @AfterEach
    void close() {
        manager.close();
    }

    private Map<String, NDArray> weights(float a, float b) {
        Map<String, NDArray> w = new LinkedHashMap<>();
        w.put("conv_weight", manager.create(new float[] {a, b, a + b, a - b}, new Shape(2, 2)));
        w.put("norm_runningMean", manager.create(new float[] {b}));
        return w;
    }

    private static TrainingState state(int epoch) {
        TrainingOptions options = TrainingOptions.infNet();
        return new TrainingState("test", options, epoch, 0, 3, EpochTotals.EMPTY, 0.5, 1, List.of());
    }

    @Test
    void tensorFilesKeepNamesOrderTypesAndValues() throws IOException {
        Map<String, NDArray> arrays = new LinkedHashMap<>(weights(1.5f, -2));
        arrays.put("steps", manager.create(new long[] {7, 8}));
        DjlTensorFile file = new DjlTensorFile();
        file.write(dir.resolve("a.ndlist"), arrays);
        Map<String, NDArray> back = file.read(dir.resolve("a.ndlist"), manager);
        assertThat(back.keySet()).containsExactly("conv_weight", "norm_runningMean", "steps");
        assertThat(back.get("conv_weight").getShape()).isEqualTo(new Shape(2, 2));
        assertThat(back.get("conv_weight").toFloatArray()).containsExactly(1.5f, -2f, -0.5f, 3.5f);
        assertThat(back.get("steps").getDataType()).isEqualTo(DataType.INT64);
        assertThat(arrays.get("conv_weight").getName()).isNull();
    }

    @Test
    void savesAndLoadsInPlace() throws IOException {
        CheckpointStore store = new CheckpointStore(dir, new DjlTensorFile());
        Map<String, NDArray> saved = weights(1, 2);
        try (Adam adam = new Adam(saved, manager, 0)) {
            store.save(CheckpointStore.LAST, saved, adam.state(), state(4));
        }
        Map<String, NDArray> target = weights(0, 0);
        NDArray identity = target.get("conv_weight");
        try (Adam adam = new Adam(target, manager, 0)) {
            TrainingState loaded = store.load(CheckpointStore.LAST, target, adam, manager);
            assertThat(loaded.epoch()).isEqualTo(4);
            assertThat(adam.steps()).isEqualTo(3);
        }
        assertThat(target.get("conv_weight")).isSameAs(identity);
        assertThat(identity.toFloatArray()).containsExactly(1f, 2f, 3f, -1f);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("last");
        }
    }

    @Test
    void findsTheCheckpointASaveCutOffBetweenItsRenames() throws IOException {
        CheckpointStore store = new CheckpointStore(dir, new DjlTensorFile());
        store.save(CheckpointStore.LAST, weights(1, 2), Map.of(), state(2));
        // killed after renaming last → last.previous, before renaming last.partial → last (partial not finished)
        Files.move(dir.resolve("last"), dir.resolve("last.previous"));
        Files.createDirectories(dir.resolve("last.partial"));
        assertThat(store.exists(CheckpointStore.LAST)).isTrue();
        assertThat(store.readState(CheckpointStore.LAST).epoch()).isEqualTo(2);
        store.save(CheckpointStore.LAST, weights(1, 2), Map.of(), state(3));
        assertThat(store.readState(CheckpointStore.LAST).epoch()).isEqualTo(3);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("last");
        }
    }

    @Test
    void refusesTheWeightsOfAnotherModel() throws IOException {
        CheckpointStore store = new CheckpointStore(dir, new DjlTensorFile());
        store.save(CheckpointStore.BEST, weights(1, 2), Map.of(), state(2));
        Map<String, NDArray> other = Map.of("fc_weight", manager.zeros(new Shape(3)));
        assertThatThrownBy(() -> store.loadWeights(CheckpointStore.BEST, other, manager))
                .isInstanceOf(CovsegException.class).hasMessageContaining("different model");
        Map<String, NDArray> reshaped = weights(0, 0);
        reshaped.put("conv_weight", manager.zeros(new Shape(4)));
        assertThatThrownBy(() -> store.loadWeights(CheckpointStore.BEST, reshaped, manager))
                .isInstanceOf(CovsegException.class).hasMessageContaining("conv_weight");
    }

    @Test
    void aMissingCheckpointIsAUserError() {
        CheckpointStore store = new CheckpointStore(dir, new DjlTensorFile());
        assertThatThrownBy(() -> store.readState(CheckpointStore.LAST))
                .isInstanceOf(CovsegException.class).hasMessageContaining("no checkpoint at");
    }
}
