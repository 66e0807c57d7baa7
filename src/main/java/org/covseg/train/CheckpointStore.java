package org.covseg.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.covseg.CovsegException;
import org.covseg.io.AtomicFiles;
import org.covseg.io.FileTrees;

/**
 * Named checkpoints under one directory, each a directory of three files: the model weights and the optimiser state
 * (both through a {@link TensorFile}, so changing their format is one class) and {@code state.json}
 * ({@link TrainingState}).
 *
 * <p>A checkpoint is replaced as a whole: the new one is written to {@code <name>.partial} ({@code state.json} last,
 * so its presence marks a complete checkpoint), the old one is renamed to {@code <name>.previous}, the new one renamed
 * into place, and the old one deleted. A run killed at any moment leaves a complete checkpoint, which the next access
 * renames back into place if needed.
 */
public final class CheckpointStore {

    public static final String LAST = "last";
    public static final String BEST = "best";

    private static final String STATE = "state.json";
    private static final String PARTIAL = ".partial";
    private static final String PREVIOUS = ".previous";
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private final Path directory;
    private final TensorFile tensors;

    public CheckpointStore(Path directory, TensorFile tensors) {
        this.directory = directory;
        this.tensors = tensors;
    }

    public boolean exists(String name) throws IOException {
        return recover(name) != null;
    }

    /** The directory holding the named checkpoint, for messages. */
    public Path location(String name) {
        return directory.resolve(name);
    }

    public void save(String name, Map<String, NDArray> weights, Map<String, NDArray> optimizer, TrainingState state)
            throws IOException {
        recover(name);
        Path target = directory.resolve(name);
        Path partial = directory.resolve(name + PARTIAL);
        Path previous = directory.resolve(name + PREVIOUS);
        FileTrees.delete(partial);
        Files.createDirectories(partial);
        tensors.write(weightsFile(partial), weights);
        tensors.write(optimizerFile(partial), optimizer);
        AtomicFiles.write(partial.resolve(STATE), out -> JSON.writeValue(out, state));
        FileTrees.delete(previous);
        AtomicFiles.sync(partial);
        if (Files.exists(target)) {
            Files.move(target, previous, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        AtomicFiles.syncDirectory(directory);
        FileTrees.delete(previous);
    }

    /** Deletes every checkpoint, e.g. of a finished stage whose weights nothing needs any more. */
    public void deleteAll() throws IOException {
        FileTrees.delete(directory);
    }

    /** The saved state, without touching any arrays (to check a resume before loading). */
    public TrainingState readState(String name) throws IOException {
        return JSON.readValue(require(name).resolve(STATE).toFile(), TrainingState.class);
    }

    /**
     * Copies the checkpoint's weights into {@code weights} and its optimiser state into {@code adam}, in place, and
     * returns its state. Names and shapes must match the model's.
     */
    public TrainingState load(String name, Map<String, NDArray> weights, Adam adam, NDManager manager)
            throws IOException {
        Path dir = require(name);
        TrainingState state = readState(name);
        try (NDManager scratch = manager.newSubManager()) {
            copyAll(tensors.read(weightsFile(dir), scratch), weights, weightsFile(dir));
            try {
                adam.restore(tensors.read(optimizerFile(dir), scratch), state.optimizerSteps());
            } catch (IllegalArgumentException e) {
                throw new CovsegException(optimizerFile(dir) + ": " + e.getMessage(), e);
            }
        }
        return state;
    }

    /** Copies only the checkpoint's weights into {@code weights} (for exporting a trained model). */
    public void loadWeights(String name, Map<String, NDArray> weights, NDManager manager) throws IOException {
        Path file = weightsFile(require(name));
        try (NDManager scratch = manager.newSubManager()) {
            copyAll(tensors.read(file, scratch), weights, file);
        }
    }

    private static void copyAll(Map<String, NDArray> loaded, Map<String, NDArray> targets, Path file) {
        if (!loaded.keySet().equals(targets.keySet())) {
            throw new CovsegException(file + " holds the weights of a different model (parameter names differ)");
        }
        try {
            targets.forEach((key, target) -> ArrayCopy.into(loaded.get(key), target, key));
        } catch (IllegalArgumentException e) {
            throw new CovsegException(file + " holds the weights of a different model: " + e.getMessage(), e);
        }
    }

    private Path weightsFile(Path dir) {
        return dir.resolve("weights" + tensors.extension());
    }

    private Path optimizerFile(Path dir) {
        return dir.resolve("optimizer" + tensors.extension());
    }

    private Path require(String name) throws IOException {
        Path dir = recover(name);
        if (dir == null) {
            throw new CovsegException("no checkpoint at " + directory.resolve(name));
        }
        return dir;
    }

    /**
     * The named checkpoint's directory, after moving the newest complete copy into place if a save was cut off
     * (the new copy is complete once its state file exists); null if there is none.
     */
    private Path recover(String name) throws IOException {
        Path target = directory.resolve(name);
        if (isComplete(target)) {
            return target;
        }
        for (Path fallback : new Path[] {directory.resolve(name + PARTIAL), directory.resolve(name + PREVIOUS)}) {
            if (isComplete(fallback)) {
                FileTrees.delete(target);
                Files.move(fallback, target, StandardCopyOption.ATOMIC_MOVE);
                return target;
            }
        }
        return null;
    }

    private static boolean isComplete(Path dir) {
        return Files.isRegularFile(dir.resolve(STATE));
    }

}
