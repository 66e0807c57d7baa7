package org.covseg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.covseg.io.NiftiDatatype;
import org.covseg.io.NiftiWriter;
import org.covseg.phantom.Phantom;
import org.covseg.phantom.PhantomConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A study too large for the Java heap ends in one line saying so, not in a stack trace. */
class OutOfMemoryTest {

    @TempDir
    Path dir;

    private static final Pattern ENGINE_CHECK_LINES = Pattern.compile(
            "covseg: (checking the engine's numerics|waiting for another covseg process's engine check|this CPU "
                    + "computes wrong convolutions)");

    @Test
    void aStudyThatDoesNotFitTheHeapEndsInOneLine() throws Exception {
        Path ct = dir.resolve("ct.nii.gz");
        NiftiWriter.write(Phantom.generate(PhantomConfig.defaults()).ct(), ct, NiftiDatatype.INT16);
        Path out = dir.resolve("out");
        Path err = dir.resolve("err.txt");
        // 40 MB: enough to read the 256 x 256 x 32 volume (its reader's check asks for 25 MB), not to analyse it
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx40m", "-Djava.awt.headless=true", "-Dai.djl.offline=true",
                "-Dcovseg.home=" + Path.of("").toAbsolutePath(), "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "analyze", ct.toString(), "--out", out.toString(), "--no-detect"))
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).isTrue();

        // the engine self-check's own lines (its first run here; a mode other than the default) come first
        List<String> lines = Files.readAllLines(err).stream().filter(l -> !l.startsWith("analysing")
                && !l.isBlank() && !ENGINE_CHECK_LINES.matcher(l).lookingAt()).toList();
        assertThat(p.exitValue()).as(String.join("\n", lines)).isEqualTo(1);
        assertThat(lines).as(String.join("\n", lines)).singleElement().asString()
                .matches("covseg: out of memory: this input needs more than the \\d+ MB of Java heap .*")
                .contains("COVSEG_JAVA_OPTS=-Xmx16g");
        assertThat(out).doesNotExist();
    }

    @Test
    void theHeapIsNamedInTheUnitThatReadsBest() {
        assertThat(Main.outOfMemory(8_589_934_592L)).startsWith("out of memory: this input needs more than the 8.6 GB");
        assertThat(Main.outOfMemory(40_370_176L)).startsWith("out of memory: this input needs more than the 40 MB");
    }
}
