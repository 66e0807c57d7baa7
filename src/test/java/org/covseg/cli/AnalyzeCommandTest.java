package org.covseg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The analyze command's wiring and its one-line errors (the pipeline itself is tested in AnalysisJobTest). */
class AnalyzeCommandTest {

    @TempDir
    Path tmp;

    @Test
    void aMissingInputIsOneLineBeforeAnyModelIsLoaded() {
        Cli r = Cli.run("analyze", tmp.resolve("nothing.nii.gz").toString(), "--out", tmp.resolve("out").toString(),
                "--model", tmp.resolve("no-model").toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().strip()).startsWith("covseg: no such file or folder: ").doesNotContain("\n");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void aMissingModelIsOneLine() throws IOException {
        Path image = Files.writeString(tmp.resolve("scan.nii.gz"), "not read before the model");

        Cli r = Cli.run("analyze", image.toString(), "--out", tmp.resolve("out").toString(),
                "--model", tmp.resolve("no-model").toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().strip()).startsWith("covseg: model folder not found: ").doesNotContain("\n");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void isListedInTheHelp() {
        assertThat(Cli.run("--help").out()).contains("analyze");
    }
}
