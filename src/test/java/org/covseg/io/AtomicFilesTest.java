package org.covseg.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void writesAndReplaces() throws IOException {
        Path f = dir.resolve("a.txt");
        AtomicFiles.writeString(f, "one");
        AtomicFiles.writeString(f, "two");
        assertThat(f).hasContent("two");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
                .isEqualTo("rw-r--r--");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(f);
        }
    }

    @Test
    void failedWriteLeavesNothingAndKeepsTheOldFile() throws IOException {
        Path f = dir.resolve("b.txt");
        AtomicFiles.writeString(f, "old");
        assertThatThrownBy(() -> AtomicFiles.write(f, out -> {
            out.write(1);
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(f).hasContent("old");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(f);
        }
    }

    @Test
    void syncFlushesATreeWithReadOnlyFilesAndLeavesItAsItWas() throws IOException {
        Path tree = dir.resolve("finished");
        Files.createDirectories(tree.resolve("a/b"));
        Path data = Files.writeString(tree.resolve("a/b/data.bin"), "weights");
        Path readOnly = Files.writeString(tree.resolve("a/read-only.txt"), "kept");
        assertThat(readOnly.toFile().setWritable(false)).isTrue();
        // (root may write it all the same; sync must not need to)

        AtomicFiles.sync(tree);
        AtomicFiles.sync(data);
        AtomicFiles.syncDirectory(dir);

        assertThat(Files.readString(data)).isEqualTo("weights");
        assertThat(Files.readString(readOnly)).isEqualTo("kept");
    }
}
