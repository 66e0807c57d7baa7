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
import java.util.Random;
import org.covseg.CovsegException;
import org.covseg.analysis.ModelInfectionMaps;
import org.covseg.analysis.TinyModels;
import org.covseg.image.IntensityUnit;
import org.covseg.image.Volume;
import org.covseg.model.ModelDir;
import org.covseg.model.TestTimeFlips;
import org.covseg.report.MaskOrigin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Test-time flips: a model.json key that every command running the model honours, except a multiclass prior. */
class TestTimeFlipsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int WIDTH = 80;
    private static final int HEIGHT = 70;

    @TempDir
    static Path dir;
    static Path plain;

    /** A seeded tiny network: an unseeded one may saturate to a map of zeros, which every mirror image shares. */
    @BeforeAll
    static void makeModel() throws IOException {
        Engine.getInstance().setRandomSeed(1);
        plain = TinyModels.infection(dir.resolve("plain"));
    }

    /** A copy of the tiny model whose model.json is edited by {@code edit}. */
    private static Path variant(String name, java.util.function.Consumer<ObjectNode> edit) throws IOException {
        Path copy = Files.createDirectories(dir.resolve(name));
        Files.copy(plain.resolve("weights.safetensors"), copy.resolve("weights.safetensors"));
        ObjectNode spec = (ObjectNode) JSON.readTree(plain.resolve(ModelDir.SPEC_FILE).toFile());
        edit.accept(spec);
        Files.writeString(copy.resolve(ModelDir.SPEC_FILE), JSON.writeValueAsString(spec));
        return copy;
    }

    private static Volume slice(float[] voxels) {
        return Volume.builder(WIDTH, HEIGHT, 1).voxels(voxels).unit(IntensityUnit.WINDOWED_8BIT).build();
    }

    private static float[] mirroredLeftRight(float[] plane) {
        float[] out = new float[plane.length];
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                out[y * WIDTH + x] = plane[y * WIDTH + WIDTH - 1 - x];
            }
        }
        return out;
    }

    @Test
    void mirrorsMoveEveryValueExactlyAndTwiceUndoThemselves() {
        float[] planes = {1, 2, 3, 4, 5, 6, 7, 8};
        assertThat(Mirrors.apply(new TestTimeFlips.Mirror(true, false), planes, 2))
                .containsExactly(2, 1, 4, 3, 6, 5, 8, 7);
        assertThat(Mirrors.apply(new TestTimeFlips.Mirror(false, true), planes, 2))
                .containsExactly(3, 4, 1, 2, 7, 8, 5, 6);
        TestTimeFlips.Mirror both = new TestTimeFlips.Mirror(true, true);
        assertThat(Mirrors.apply(both, planes, 2)).containsExactly(4, 3, 2, 1, 8, 7, 6, 5);
        assertThat(Mirrors.apply(both, Mirrors.apply(both, planes, 2), 2)).containsExactly(planes);
        assertThat(TestTimeFlips.BOTH_AXES.mirrors()).hasSize(4).first()
                .isEqualTo(new TestTimeFlips.Mirror(false, false));
    }

    @Test
    void aLeftRightModelAveragesTheSlicesMapWithItsMirrorImagesMapMirroredBack() throws IOException {
        Path flipped = variant("left-right", s -> s.put("formatVersion", 2).put("testTimeFlips", "LEFT_RIGHT"));
        float[] voxels = new float[WIDTH * HEIGHT];
        Random random = new Random(7);
        for (int p = 0; p < voxels.length; p++) {
            voxels[p] = (p % WIDTH < WIDTH / 3 ? 40 : 180) + 30 * random.nextFloat();
        }
        List<float[]> maps;
        try (InfectionSegmenter segmenter = InfectionSegmenter.open(plain, 2)) {
            maps = segmenter.predict(List.of(slice(voxels), slice(mirroredLeftRight(voxels))), n -> { });
        }
        float[] averaged;
        float[] prior;
        try (InfectionSegmenter segmenter = InfectionSegmenter.open(flipped, 2)) {
            averaged = segmenter.predict(List.of(slice(voxels)), n -> { }).get(0);
        }
        try (InfectionSegmenter segmenter = InfectionSegmenter.openPrior(flipped, 2)) {
            prior = segmenter.predict(List.of(slice(voxels)), n -> { }).get(0);
        }
        float[] mirroredBack = mirroredLeftRight(maps.get(1));
        double fromPlain = 0;
        double fromPrior = 0;
        for (int p = 0; p < averaged.length; p++) {
            assertThat(averaged[p]).isCloseTo((maps.get(0)[p] + mirroredBack[p]) / 2, within(1e-5f));
            fromPlain = Math.max(fromPlain, Math.abs(averaged[p] - maps.get(0)[p]));
            fromPrior = Math.max(fromPrior, Math.abs(prior[p] - maps.get(0)[p]));
        }
        assertThat(fromPlain).as("the tiny network's map is not mirror-symmetric").isGreaterThan(1e-3);
        assertThat(fromPrior).as("a prior is the network's own map (up to batch-size rounding)").isLessThan(1e-5);
    }

    @Test
    void reportsNameTheFlipsAModelsMasksWereMadeWith() throws IOException {
        Path flipped = variant("both", s -> s.put("formatVersion", 2).put("testTimeFlips", "BOTH_AXES"));
        try (ModelInfectionMaps withFlips = ModelInfectionMaps.open(flipped, 1);
                ModelInfectionMaps without = ModelInfectionMaps.open(plain, 1)) {
            assertThat(withFlips.model().versionShown()).isEqualTo("1, test-time flips BOTH_AXES");
            assertThat(JSON.writeValueAsString(withFlips.model())).contains("\"testTimeFlips\":\"BOTH_AXES\"");
            assertThat(without.model().versionShown()).isEqualTo("1");
            assertThat(JSON.writeValueAsString(without.model())).doesNotContain("testTimeFlips")
                    .contains("\"weightsSha256\":\"");
            assertThat(MaskOrigin.model(withFlips.model(), "labels").origin())
                    .startsWith("covseg model tiny-infection 1, test-time flips BOTH_AXES (weights SHA-256 ");
        }
    }

    @Test
    void flipsNeedFormatVersion2AndAnInfectionModel() throws IOException {
        Path oldFormat = variant("v1", s -> s.put("testTimeFlips", "LEFT_RIGHT"));
        assertThatThrownBy(() -> ModelDir.readSpec(oldFormat)).isInstanceOf(CovsegException.class)
                .hasMessage(oldFormat.resolve("model.json") + ": testTimeFlips needs \"formatVersion\" : 2, so that a"
                        + " covseg older than it refuses the model instead of making other masks");
        Path unknown = variant("unknown", s -> s.put("formatVersion", 2).put("testTimeFlips", "DIAGONAL"));
        assertThatThrownBy(() -> ModelDir.readSpec(unknown)).isInstanceOf(CovsegException.class)
                .hasMessageContaining("not valid model JSON").hasMessageContaining("DIAGONAL");
        Path future = variant("v4", s -> s.put("formatVersion", 4));
        assertThatThrownBy(() -> ModelDir.readSpec(future)).hasMessageContaining("has format version 4, newer");
        Path multiclass = TinyModels.multiclass(dir.resolve("multiclass"), plain);
        ObjectNode spec = (ObjectNode) JSON.readTree(multiclass.resolve(ModelDir.SPEC_FILE).toFile());
        spec.put("formatVersion", 2).put("testTimeFlips", "BOTH_AXES");
        Files.writeString(multiclass.resolve(ModelDir.SPEC_FILE), JSON.writeValueAsString(spec));
        assertThatThrownBy(() -> ModelDir.readSpec(multiclass))
                .hasMessageEndingWith("testTimeFlips applies to infection models only, not to task \"multiclass\"");
        assertThat(ModelDir.readSpec(plain).formatVersion()).as("a model without flips stays readable by older"
                + " covsegs").isEqualTo(1);
    }
}
