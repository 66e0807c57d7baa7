package org.covseg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code covseg} launcher script, run in a project folder of the test's own with a stand-in {@code java} that
 * only checks the jar it is given, so that the script's own logic is tested without starting JVMs.
 */
class LauncherTest {

    @TempDir
    Path root;

    @Test
    void launchersStartedTogetherEachRunAWholePrivateCopyOfTheJar() throws Exception {
        Path jar = root.resolve("target/covseg.jar");
        Files.createDirectories(root.resolve("target/lib"));
        Files.createDirectories(root.resolve("src/main"));
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        byte[] content = new byte[4 << 20];
        new Random(1).nextBytes(content);
        Files.write(jar, content);
        FileTime old = FileTime.fromMillis(System.currentTimeMillis() - 60_000);
        Files.setLastModifiedTime(root.resolve("pom.xml"), old);
        Files.setLastModifiedTime(root.resolve("src/main"), old);
        Files.copy(Path.of("covseg"), root.resolve("covseg"), StandardCopyOption.COPY_ATTRIBUTES);
        Path javaHome = root.resolve("jdk");
        Files.createDirectories(javaHome.resolve("bin"));
        Path java = javaHome.resolve("bin/java");
        Files.writeString(java, """
                #!/usr/bin/env bash
                while [[ "$1" != -cp ]]; do shift; done
                cmp -s "${2%%:*}" "%s"
                """.formatted(jar));
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));

        List<Process> launches = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ProcessBuilder builder = new ProcessBuilder(root.resolve("covseg").toString(), "--version")
                    .redirectErrorStream(true).redirectOutput(root.resolve("launch-" + i + ".log").toFile());
            builder.environment().put("JAVA_HOME", javaHome.toString());
            launches.add(builder.start());
        }
        for (int i = 0; i < launches.size(); i++) {
            assertThat(launches.get(i).waitFor(1, TimeUnit.MINUTES)).isTrue();
            assertThat(launches.get(i).exitValue()).as(Files.readString(root.resolve("launch-" + i + ".log")))
                    .isZero();
        }
        try (Stream<Path> run = Files.list(root.resolve("target/run"))) {
            assertThat(run.map(p -> p.getFileName().toString()))
                    .containsExactly("covseg-" + Files.getLastModifiedTime(jar).toMillis() / 1000 + ".jar");
        }
    }
}
