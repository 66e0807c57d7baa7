package org.covseg.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.covseg.model.ModelDir;
import org.covseg.model.ModelSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the multi-class model takes the analysis' infection maps as its prior, and when it runs its own. */
class ModelClassMapsTest {

    @TempDir
    static Path dir;
    static Path infection;
    static Path classes;

    @BeforeAll
    static void makeModels() throws IOException {
        infection = TinyModels.infection(dir.resolve("infection"));
        classes = TinyModels.multiclass(dir.resolve("multiclass"), infection);
    }

    @Test
    void theSameNetworkWithoutFlipsIsThePrior() {
        try (ModelClassMaps maps = ModelClassMaps.open(classes, 2, ModelInfectionMaps.info(
                ModelDir.readSpec(infection), infection))) {
            assertThat(maps.priorUsed()).startsWith("the analysis' infection model tiny-infection 1");
        }
    }

    @Test
    void theSameNetworkWithTestTimeFlipsIsNotThePrior() throws IOException {
        Path flipped = Files.createDirectories(dir.resolve("flipped"));
        Files.copy(infection.resolve(ModelSpec.WEIGHTS_FILE), flipped.resolve(ModelSpec.WEIGHTS_FILE));
        ObjectMapper json = new ObjectMapper();
        ObjectNode spec = (ObjectNode) json.readTree(infection.resolve(ModelDir.SPEC_FILE).toFile());
        spec.put("formatVersion", 2).put("testTimeFlips", "LEFT_RIGHT");
        Files.writeString(flipped.resolve(ModelDir.SPEC_FILE), json.writeValueAsString(spec));
        try (ModelClassMaps maps = ModelClassMaps.open(classes, 2, ModelInfectionMaps.info(
                ModelDir.readSpec(flipped), flipped))) {
            assertThat(maps.priorUsed()).isEqualTo("its own prior model tiny-infection 1, run again, since the"
                    + " analysis' infection maps are not that network's own (another model, or test-time flips)");
        }
    }
}
