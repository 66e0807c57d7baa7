package org.covseg.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeZipTest {

    private static final UploadLimits LIMITS = new UploadLimits(1 << 20, 1000, 3, 4 << 20, 200);

    @TempDir
    Path tmp;

    @Test
    void aStudysFoldersAreFlattenedWithoutCollisionsAndIndexesAreSkipped() throws IOException {
        Path zip = zip(Map.of("study/a/IM1", "one", "study/b/IM1", "two", "DICOMDIR", "index"));
        Path into = Files.createDirectories(tmp.resolve("into"));

        assertThat(SafeZip.unpack(zip, into, LIMITS, "study.zip")).isEqualTo(2);

        try (var files = Files.list(into)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).hasSize(2)
                    .allMatch(n -> n.matches("\\d{5}_IM1"));
        }
    }

    @Test
    void entriesLeavingTheFolderAreRefusedBeforeAnythingIsWritten() throws IOException {
        for (String evil : new String[] {"../x", "a/../../x", "/etc/x", "C:/x", "a\\..\\..\\x"}) {
            Path into = Files.createDirectories(tmp.resolve("into-" + evil.hashCode()));
            Path zip = zip(Map.of(evil, "x"));

            assertThatThrownBy(() -> SafeZip.unpack(zip, into, LIMITS, "evil.zip")).isInstanceOf(ApiException.class)
                    .hasMessageStartingWith("evil.zip has an entry whose name leaves the zip's folder");
            assertThat(tmp.resolve("x")).doesNotExist();
        }
    }

    @Test
    void tooManyEntriesAZipBombAndTooMuchInAllAreRefused() throws IOException {
        Path many = zip(Map.of("1", "a", "2", "b", "3", "c", "4", "d"));
        assertThatThrownBy(() -> SafeZip.unpack(many, Files.createDirectories(tmp.resolve("m")), LIMITS, "m.zip"))
                .hasMessage("m.zip holds 4 entries; at most 3 are accepted");

        Path bomb = zip(Map.of("zeros", "\0".repeat(3 << 20)));
        assertThatThrownBy(() -> SafeZip.unpack(bomb, Files.createDirectories(tmp.resolve("b")), LIMITS, "b.zip"))
                .hasMessageContaining("times its packed size");

        UploadLimits small = new UploadLimits(1 << 20, 1000, 3, 1 << 20, Integer.MAX_VALUE);
        assertThatThrownBy(() -> SafeZip.unpack(bomb, Files.createDirectories(tmp.resolve("c")), small, "c.zip"))
                .isInstanceOf(ApiException.class).hasMessageContaining("unpacks to more than 1048576 bytes");
    }

    @Test
    void anEmptyOrBrokenZipIsOneLine() throws IOException {
        Path empty = zip(Map.of());
        assertThatThrownBy(() -> SafeZip.unpack(empty, Files.createDirectories(tmp.resolve("e")), LIMITS, "e.zip"))
                .hasMessage("e.zip holds no files");
        Path broken = Files.writeString(tmp.resolve("broken.zip"), "PK not really");
        assertThatThrownBy(() -> SafeZip.unpack(broken, Files.createDirectories(tmp.resolve("f")), LIMITS, "f.zip"))
                .hasMessageStartingWith("f.zip is not a readable zip file");
    }

    private Path zip(Map<String, String> entries) throws IOException {
        Path file = Files.createTempFile(tmp, "test", ".zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                z.closeEntry();
            }
        }
        return file;
    }
}
