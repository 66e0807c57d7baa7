package org.covseg.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagedFolderTest {

    @TempDir
    Path dir;

    @Test
    void aNewFolderAppearsWithAllItsFiles() throws IOException {
        Path out = dir.resolve("new/out");

        List<Path> written = StagedFolder.writeFiles(out, staging -> List.of(file(staging, "a.png"), file(staging,
                "b.png")));

        assertThat(written).containsExactly(out.resolve("a.png"), out.resolve("b.png"));
        assertThat(names(out)).containsExactlyInAnyOrder("a.png", "b.png");
        assertThat(names(out.getParent())).containsExactly("out");
    }

    @Test
    void anEmptyFolderIsReplacedByTheFinishedOneAndTheWritersResultReturned() throws IOException {
        Path out = Files.createDirectories(dir.resolve("empty"));

        String result = StagedFolder.write(out, staging -> file(staging, "report.json").getFileName().toString());

        assertThat(result).isEqualTo("report.json");
        assertThat(names(out)).containsExactly("report.json");
        assertThat(names(dir)).containsExactly("empty");
    }

    @Test
    void intoAnExistingFolderTheFilesJoinWhatIsThere() throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("mine.txt"), "kept");
        Files.writeString(out.resolve("a.png"), "old");

        StagedFolder.writeFiles(out, staging -> List.of(file(staging, "a.png")));

        assertThat(names(out)).containsExactlyInAnyOrder("mine.txt", "a.png");
        assertThat(Files.readString(out.resolve("a.png"))).isEqualTo("a.png");
    }

    @Test
    void aWriterThatFailsHalfwayLeavesNothing() throws IOException {
        Path existing = Files.createDirectories(dir.resolve("existing"));
        Path fresh = dir.resolve("fresh");
        for (Path out : List.of(existing, fresh)) {
            assertThatThrownBy(() -> StagedFolder.writeFiles(out, staging -> {
                file(staging, "a.png");
                throw new IllegalStateException("interrupted after one file of two");
            })).hasMessage("interrupted after one file of two");
        }

        assertThat(names(existing)).isEmpty();
        assertThat(names(dir)).containsExactly("existing");
    }

    private static Path file(Path folder, String name) {
        try {
            return Files.writeString(folder.resolve(name), name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
