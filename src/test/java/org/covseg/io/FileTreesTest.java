package org.covseg.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTreesTest {

    @TempDir
    Path dir;

    @Test
    void deletesAFolderWithEverythingUnderItAndLeavesItsSiblings() throws IOException {
        Path root = Files.createDirectories(dir.resolve("run/a/b"));
        Files.writeString(root.resolve("x.txt"), "x");
        Files.writeString(dir.resolve("run/y.txt"), "y");
        Path sibling = Files.writeString(dir.resolve("keep.txt"), "keep");

        FileTrees.delete(dir.resolve("run"));

        assertThat(dir.resolve("run")).doesNotExist();
        assertThat(sibling).hasContent("keep");
    }

    @Test
    void aMissingFolderIsNoError() throws IOException {
        FileTrees.delete(dir.resolve("never-made"));

        assertThat(dir).isEmptyDirectory();
    }
}
