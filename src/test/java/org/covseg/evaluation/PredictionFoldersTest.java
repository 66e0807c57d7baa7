package org.covseg.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.covseg.CovsegException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictionFoldersTest {

    private static final float[] BLANK = new float[4];

    @TempDir
    Path dir;

    @Test
    void pairsByBaseNameWhateverTheExtensionAndListsTheRest() throws IOException {
        Path pred = folder("pred", "a.png", "b.png", "extra.png");
        Path gt = folder("gt", "a.png", "c.png");
        Files.copy(gt.resolve("a.png"), gt.resolve("b.bmp"));
        FolderPairs pairs = PredictionFolders.binary(pred, gt);
        assertThat(pairs.pairs()).extracting(FilePair::name).containsExactly("a", "b");
        assertThat(pairs.pairs()).extracting(FilePair::className).containsOnly(InfectionClass.INFECTION);
        assertThat(pairs.pairs().get(1).truth().file().getFileName().toString()).isEqualTo("b.bmp");
        assertThat(pairs.predictionsWithoutTruth()).containsExactly("extra");
        assertThat(pairs.truthWithoutPrediction()).containsExactly("c");
        assertThat(pairs.warnings()).hasSize(2);
        assertThat(pairs.warnings().get(0)).contains("1 prediction(s)", "extra");
        assertThat(pairs.warnings().get(1)).contains("1 ground truth(s)", "c");
        assertThatThrownBy(pairs::requireComplete).isInstanceOf(CovsegException.class)
                .hasMessageContaining("extra").hasMessageContaining("--strict");
    }

    @Test
    void completeFoldersGiveNoWarning() throws IOException {
        FolderPairs pairs = PredictionFolders.binary(folder("pred", "x.png"), folder("gt", "x.png"));
        assertThat(pairs.warnings()).isEmpty();
        pairs.requireComplete();
    }

    @Test
    void noPairAtAllIsAnErrorWithAHint() throws IOException {
        Path pred = folder("pred", "a_ggo.png", "a_consolidation.png");
        Path gt = folder("gt", "a.png");
        assertThatThrownBy(() -> PredictionFolders.binary(pred, gt)).isInstanceOf(CovsegException.class)
                .hasMessageContaining("no prediction in").hasMessageContaining("add --classes");
        assertThatThrownBy(() -> PredictionFolders.classes(gt, pred)).isInstanceOf(CovsegException.class)
                .hasMessageContaining("<name>_ggo");
    }

    @Test
    void classesPairClassMapsWithLabelMapsClassByClass() throws IOException {
        Path pred = folder("pred", "a_ggo.png", "a_consolidation.png", "b_ggo.png");
        Path gt = folder("gt", "a.png", "b.png");
        FolderPairs pairs = PredictionFolders.classes(pred, gt);
        assertThat(pairs.pairs()).extracting(p -> p.className() + ":" + p.name())
                .containsExactly("ggo:a", "ggo:b", "consolidation:a");
        assertThat(pairs.pairs()).allSatisfy(p -> assertThat(p.truth().labelOf()).isPresent());
        assertThat(pairs.truthWithoutPrediction()).containsExactly("b_consolidation");
        assertThat(pairs.truthLayout()).startsWith("label maps");
    }

    @Test
    void classesPairClassMapsWithPerClassMaskFolders() throws IOException {
        Path pred = folder("pred", "a_ggo.png", "a_consolidation.png");
        Path gt = dir.resolve("gt");
        folder("gt/ggo", "a.png");
        folder("gt/consolidation", "a.png");
        FolderPairs pairs = PredictionFolders.classes(pred, gt);
        assertThat(pairs.pairs()).extracting(p -> p.className() + ":" + p.name())
                .containsExactly("ggo:a", "consolidation:a");
        assertThat(pairs.pairs().get(1).truth().file()).isEqualTo(gt.resolve("consolidation").resolve("a.png"));
        assertThat(pairs.pairs()).allSatisfy(p -> assertThat(p.truth().labelOf()).isEmpty());
        assertThat(pairs.warnings()).isEmpty();
    }

    @Test
    void missingAndEmptyFoldersAreUserErrors() throws IOException {
        Path gt = folder("gt", "a.png");
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThatThrownBy(() -> PredictionFolders.binary(dir.resolve("none"), gt))
                .isInstanceOf(CovsegException.class).hasMessageContaining("folder not found");
        assertThatThrownBy(() -> PredictionFolders.binary(empty, gt))
                .isInstanceOf(CovsegException.class).hasMessageContaining("no images");
    }

    private Path folder(String name, String... files) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name));
        for (String f : List.of(files)) {
            TestMaps.writeGrey(folder.resolve(f), BLANK, 2, 2);
        }
        return folder;
    }
}
