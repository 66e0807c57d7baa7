package org.covseg.infer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.covseg.CovsegException;
import org.covseg.analysis.ModelInfectionMaps;
import org.covseg.analysis.TinyModels;
import org.covseg.image.IntensityUnit;
import org.covseg.image.Volume;
import org.covseg.model.ModelDir;
import org.covseg.model.ModelSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An ensemble model folder: its map is the mean of its members' maps, and it holds exactly the members it names. */
class EnsembleTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int WIDTH = 72;
    private static final int HEIGHT = 60;

    @TempDir
    static Path dir;
    static Path first;
    static Path second;
    static Path ensemble;

    /** Two seeded tiny networks with different weights, and their ensemble. */
    @BeforeAll
    static void makeModels() throws IOException {
        Engine.getInstance().setRandomSeed(1);
        first = TinyModels.infection(dir.resolve("first"));
        Engine.getInstance().setRandomSeed(2);
        second = TinyModels.infection(dir.resolve("second"));
        ensemble = dir.resolve("ensemble");
        ModelDir.saveEnsemble(ensemble, "pair", "1", List.of(first, second), Map.of(), Map.of());
    }

    private static List<Volume> slices() {
        Random random = new Random(3);
        float[] a = new float[WIDTH * HEIGHT];
        float[] b = new float[WIDTH * HEIGHT];
        for (int p = 0; p < a.length; p++) {
            a[p] = (p % WIDTH < WIDTH / 2 ? 40 : 190) + 30 * random.nextFloat();
            b[p] = 255 * random.nextFloat();
        }
        return List.of(slice(a), slice(b));
    }

    private static Volume slice(float[] voxels) {
        return Volume.builder(WIDTH, HEIGHT, 1).voxels(voxels).unit(IntensityUnit.WINDOWED_8BIT).build();
    }

    private static List<float[]> maps(Path model) {
        try (InfectionSegmenter segmenter = InfectionSegmenter.open(model, 2)) {
            return segmenter.predict(slices(), n -> { });
        }
    }

    /** A copy of the ensemble whose model.json is edited by {@code edit}. */
    private static Path variant(String name, Consumer<ObjectNode> edit) throws IOException {
        Path copy = Files.createDirectories(dir.resolve(name));
        for (String member : List.of("member-1", "member-2")) {
            Path to = Files.createDirectories(copy.resolve(member));
            for (String file : List.of(ModelDir.SPEC_FILE, ModelSpec.WEIGHTS_FILE)) {
                Files.copy(ensemble.resolve(member).resolve(file), to.resolve(file));
            }
        }
        ObjectNode spec = (ObjectNode) JSON.readTree(ensemble.resolve(ModelDir.SPEC_FILE).toFile());
        edit.accept(spec);
        Files.writeString(copy.resolve(ModelDir.SPEC_FILE), JSON.writeValueAsString(spec));
        return copy;
    }

    @Test
    void theEnsemblesMapIsTheMeanOfItsMembersMaps() {
        List<float[]> a = maps(first);
        List<float[]> b = maps(second);
        List<float[]> mean = maps(ensemble);
        double apart = 0;
        for (int s = 0; s < 2; s++) {
            assertThat(mean.get(s)).hasSize(WIDTH * HEIGHT);
            for (int p = 0; p < WIDTH * HEIGHT; p++) {
                assertThat(mean.get(s)[p]).isCloseTo((a.get(s)[p] + b.get(s)[p]) / 2, within(1e-6f));
                apart = Math.max(apart, Math.abs(a.get(s)[p] - b.get(s)[p]));
            }
        }
        assertThat(apart).as("the two members differ, so the mean is not one of them").isGreaterThan(1e-3);
    }

    @Test
    void anEnsembleOfOneMakesItsMembersMapExactly() throws IOException {
        Path single = dir.resolve("single");
        ModelDir.saveEnsemble(single, "one", "1", List.of(first), Map.of(), Map.of());
        List<float[]> own = maps(first);
        List<float[]> ensembled = maps(single);
        for (int s = 0; s < 2; s++) {
            assertThat(ensembled.get(s)).containsExactly(own.get(s));
        }
    }

    @Test
    void theEnsembleIsNamedByTheHashOfItsMembersHashes() {
        ModelSpec spec = ModelDir.readSpec(ensemble);
        assertThat(spec.isEnsemble()).isTrue();
        assertThat(spec.formatVersion()).isEqualTo(3);
        assertThat(spec.weights()).isNull();
        assertThat(spec.members()).containsExactly("member-1", "member-2");
        // sha256 of "<hash 1>\n<hash 2>", as `printf '%s\n%s' h1 h2 | sha256sum` gives it
        assertThat(ModelSpec.membersSha256(List.of("a", "b")))
                .isEqualTo("7e18f737311b2dc3b2f269dd78396b0351f14fb66efa879f768cb23181883c78");
        assertThat(spec.weightsSha256()).isEqualTo(ModelSpec.membersSha256(List.of(
                ModelDir.readSpec(first).weightsSha256(), ModelDir.readSpec(second).weightsSha256())));
    }

    @Test
    void reportsNameTheEnsembleAndHowManyModelsItAverages() throws IOException {
        try (ModelInfectionMaps maps = ModelInfectionMaps.open(ensemble, 2)) {
            assertThat(maps.model().versionShown()).isEqualTo("1, an ensemble of 2 models");
            assertThat(JSON.writeValueAsString(maps.model())).contains("\"members\":2", "\"name\":\"pair\"",
                    "\"weightsSha256\":\"" + ModelDir.readSpec(ensemble).weightsSha256() + "\"");
        }
        try (ModelInfectionMaps maps = ModelInfectionMaps.open(first, 2)) {
            assertThat(JSON.writeValueAsString(maps.model())).doesNotContain("members");
        }
    }

    @Test
    void anEnsembleHasNoWeightsToStartTrainingFrom() {
        assertThatThrownBy(() -> ModelDir.weightsFile(ensemble, ModelDir.readSpec(ensemble)))
                .isInstanceOf(CovsegException.class)
                .hasMessage(ensemble + " is an ensemble of 2 models and has no weights of its own; give one of its"
                        + " members here, e.g. " + ensemble.toAbsolutePath().normalize().resolve("member-1"));
    }

    @Test
    void anEnsembleRefusesMembersThatAreNotTheOnesItWasMadeWith() throws IOException {
        Path swapped = variant("swapped", s -> s.putArray("members").add("member-2").add("member-1"));
        assertThatThrownBy(() -> ModelDir.readSpec(swapped)).isInstanceOf(CovsegException.class)
                .hasMessage(swapped.resolve("model.json") + ": its members are not the ones it was made with (the"
                        + " SHA-256 of their weights hashes differs from weightsSha256); make the ensemble again");
        Path outside = variant("outside", s -> s.putArray("members").add("member-1").add("../first"));
        assertThatThrownBy(() -> ModelDir.readSpec(outside)).isInstanceOf(CovsegException.class)
                .hasMessageContaining("names the member \"../first\", which is not a subfolder of its own");
        Path twice = variant("twice", s -> s.putArray("members").add("member-1").add("./member-1"));
        assertThatThrownBy(() -> ModelDir.readSpec(twice)).hasMessageContaining("or is named twice");
        Path oldFormat = variant("old-format", s -> s.put("formatVersion", 2));
        assertThatThrownBy(() -> ModelDir.readSpec(oldFormat))
                .hasMessage(oldFormat.resolve("model.json") + ": members needs \"formatVersion\" : 3, so that a"
                        + " covseg older than it refuses the ensemble");
        Path withWeights = variant("with-weights", s -> s.put("weights", "weights.safetensors"));
        assertThatThrownBy(() -> ModelDir.readSpec(withWeights))
                .hasMessageEndingWith("an ensemble is an infection model with at least one member and no weights"
                        + " of its own");
        Path otherWindow = variant("other-window", s -> ((ObjectNode) s.get("window")).put("level", -600.0));
        assertThatThrownBy(() -> ModelDir.readSpec(otherWindow))
                .hasMessageEndingWith("member-1 has another normalisation or window");
    }

    @Test
    void anEnsembleOfEnsemblesOrOfAnotherTaskIsRefused() throws IOException {
        assertThatThrownBy(() -> ModelDir.saveEnsemble(dir.resolve("nested"), "nested", "1",
                List.of(first, ensemble), Map.of(), Map.of())).isInstanceOf(CovsegException.class)
                .hasMessage(ensemble + " cannot be a member of an ensemble: it is itself an ensemble");
        Path multiclass = TinyModels.multiclass(dir.resolve("multiclass"), first);
        assertThatThrownBy(() -> ModelDir.saveEnsemble(dir.resolve("mixed"), "mixed", "1",
                List.of(first, multiclass), Map.of(), Map.of())).isInstanceOf(CovsegException.class)
                .hasMessage(multiclass + " cannot be a member of an ensemble: it is not an infection model (task"
                        + " \"multiclass\")");
        assertThat(dir.resolve("nested")).doesNotExist();
        assertThat(dir.resolve("mixed")).doesNotExist();
        assertThatThrownBy(() -> ModelDir.saveEnsemble(ensemble, "again", "1", List.of(first), Map.of(), Map.of()))
                .hasMessage(ensemble + " already exists; an ensemble is written into a new folder");
    }
}
