package org.covseg.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.covseg.CovsegException;
import org.covseg.io.AtomicFiles;

/**
 * The record a pseudo-labelled training folder keeps of how its labels were made (teacher model, volumes used), so
 * that a model trained on the folder can carry it in its own model.json.
 */
public final class PseudoLabelManifest {

    public static final String FILE = "pseudo-labels.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PseudoLabelManifest() {
    }

    /** Writes {@code manifest} into the dataset folder {@code dir} (atomically). */
    public static void write(Path dir, JsonNode manifest) throws IOException {
        AtomicFiles.writeString(dir.resolve(FILE), JSON.writeValueAsString(manifest) + "\n");
    }

    /** The manifest of the dataset folder {@code dir}, if it has one. */
    public static Optional<JsonNode> read(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(file.toFile()));
        } catch (IOException e) {
            throw new CovsegException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
