package org.covseg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.covseg.image.Affine;
import org.covseg.image.Volume;
import org.covseg.io.TestDicomWriter;
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
    void theChosenDicomSeriesIsSaidOnStderrBeforeAnyModelIsLoaded() throws IOException {
        Path study = tmp.resolve("study");
        TestDicomWriter.writeSeries(smallCt(), study, TestDicomWriter.Options.defaults().series("2.25.1", "a")
                .text(TestDicomWriter.SERIES_NUMBER, "IS", "5"));
        TestDicomWriter.writeSeries(smallCt(), study, TestDicomWriter.Options.defaults().series("2.25.2", "b")
                .text(TestDicomWriter.SERIES_NUMBER, "IS", "4")
                .text(TestDicomWriter.IMAGE_TYPE, "CS", "ORIGINAL\\PRIMARY\\LOCALIZER"));

        Cli r = Cli.run("analyze", study.toString(), "--out", tmp.resolve("out").toString(),
                "--model", tmp.resolve("no-model").toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().strip().lines()).hasSize(2).first().isEqualTo("covseg: reading series 5 (2.25.1):"
                + " an axial CT series covseg can read (axial CT; series 4: localizer)");
        assertThat(r.err()).contains("covseg: model folder not found: ");
    }

    @Test
    void aCoronalOnlyDicomStudyIsRefusedInOneLine() throws IOException {
        Path study = tmp.resolve("coronal");
        Volume coronal = Volume.builder(4, 3, 4).affine(Affine.ofRows(-1, 0, 0, 0, 0, 0, 2, 0, 0, -1, 0, 0)).build();
        TestDicomWriter.writeSeries(coronal, study, TestDicomWriter.Options.defaults());

        Cli r = Cli.run("analyze", study.toString(), "--out", tmp.resolve("out").toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("covseg: no axial CT series to analyse: series 3: coronal (to read it"
                + " restacked into axial slices, pass --series " + TestDicomWriter.Options.defaults().seriesUid()
                + ")");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    private static Volume smallCt() {
        return Volume.builder(4, 4, 3).spacing(1, 1, 2).affine(Affine.diagonal(-1, -1, 2)).build();
    }

    @Test
    void isListedInTheHelp() {
        assertThat(Cli.run("--help").out()).contains("analyze");
    }
}
