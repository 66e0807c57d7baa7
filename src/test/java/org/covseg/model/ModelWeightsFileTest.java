package org.covseg.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.covseg.CovsegException;
import org.covseg.analysis.TinyModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every load of a model folder's weights (inference, --init, a semi start) checks them through weightsFile. */
class ModelWeightsFileTest {

    @TempDir
    Path tmp;

    @Test
    void aModelsOwnWeightsWithTheRecordedHashAreGiven() throws IOException {
        Path model = TinyModels.infection(tmp.resolve("model"));

        assertThat(ModelDir.weightsFile(model, ModelDir.readSpec(model)))
                .isEqualTo(model.toAbsolutePath().normalize().resolve(ModelDir.readSpec(model).weights()));
    }

    @Test
    void replacedWeightsAreRefused() throws IOException {
        Path model = TinyModels.infection(tmp.resolve("model"));
        ModelSpec spec = ModelDir.readSpec(model);
        Files.write(model.resolve(spec.weights()), new byte[] {0}, StandardOpenOption.APPEND);

        assertThatThrownBy(() -> ModelDir.weightsFile(model, spec)).isInstanceOf(CovsegException.class)
                .hasMessageEndingWith("is corrupt or was replaced: its SHA-256 differs from the one in model.json");
    }

    @Test
    void aSpecWithoutAHashIsRefused() throws IOException {
        Path model = TinyModels.infection(tmp.resolve("model"));
        Path json = model.resolve("model.json");
        Files.writeString(json, Files.readString(json).replaceAll("\"weightsSha256\" *: *\"[0-9a-f]+\",?", ""));
        ModelSpec spec = ModelDir.readSpec(model);
        assertThat(spec.weightsSha256()).isNull();

        assertThatThrownBy(() -> ModelDir.weightsFile(model, spec)).isInstanceOf(CovsegException.class)
                .hasMessageContaining("records no weightsSha256, so its weights cannot be checked");
    }

    @Test
    void weightsOutsideTheModelFolderAreRefused() throws IOException {
        Path model = TinyModels.infection(tmp.resolve("model"));
        String weights = ModelDir.readSpec(model).weights();
        Files.copy(model.resolve(weights), tmp.resolve("elsewhere.safetensors"));
        Path json = model.resolve("model.json");
        Files.writeString(json, Files.readString(json).replace("\"" + weights + "\"", "\"../elsewhere.safetensors\""));

        assertThatThrownBy(() -> ModelDir.weightsFile(model, ModelDir.readSpec(model)))
                .isInstanceOf(CovsegException.class)
                .hasMessageContaining("names weights outside its folder (../elsewhere.safetensors)");
    }
}
