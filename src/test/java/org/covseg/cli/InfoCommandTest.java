package org.covseg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.covseg.image.Affine;
import org.covseg.image.Volume;
import org.covseg.io.NiftiDatatype;
import org.covseg.io.NiftiWriter;
import org.covseg.io.TestDicomWriter;
import org.covseg.phantom.Phantom;
import org.covseg.phantom.PhantomConfig;
import org.covseg.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InfoCommandTest {

    @TempDir
    static Path dir;

    static Phantom phantom;

    @BeforeAll
    static void makePhantom() {
        phantom = Phantom.generate(PhantomConfig.builder().grid(64, 8, 5.0, 10.0).build());
    }

    @Test
    void describesAPhantomNifti() {
        Path file = dir.resolve("ct.nii.gz");
        NiftiWriter.write(phantom.ct(), file, NiftiDatatype.INT16);
        Cli r = Cli.run("info", file.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("NIfTI volume", "64 x 64 x 8 voxels", "5.000 x 5.000 x 10.00 mm",
                "stored as      LPS", "(HU)");
    }

    @Test
    void describesAPhantomDicomSeries() throws IOException {
        Path series = dir.resolve("dicom");
        TestDicomWriter.writeSeries(phantom.ct(), series, TestDicomWriter.Options.defaults().shuffled(3));
        Cli r = Cli.run("info", series.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("DICOM series", "64 x 64 x 8 voxels", "5.000 x 5.000 x 10.00 mm",
                "modality", "CT");
        float[] range = phantom.ct().range();
        assertThat(r.out()).contains(String.format(java.util.Locale.ROOT, "%.4g .. %.4g (HU)",
                (float) Math.round(range[0]), (float) Math.round(range[1])));
    }

    @Test
    void listsEverySeriesOfADicomStudyWithCovsegsChoice() throws IOException {
        Path study = twoSeriesStudy(dir.resolve("study"));

        Cli r = Cli.run("info", study.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains(
                "series         2 in the folder (* the one read below)",
                "    number  orientation  slices  thickness  z-range (mm)   kernel    description  series UID",
                "  * 2       axial        8       10 mm      5.0 .. 75.0    LUNG      chest        2.25.2",
                "        left out stray0000.dcm (coronal image in an axial series)",
                "    3       axial        8       10 mm      -75.0 .. -5.0  STANDARD  abdomen      2.25.3",
                "choice         series 2 (2.25.2): not named as another body region (\"chest\"; series 3:"
                        + " \"abdomen\")",
                "seriesInstanceUid 2.25.2",
                "note           left out stray0000.dcm (coronal image in an axial series)");
    }

    @Test
    void marksTheSeriesAskedForAndStillSaysCovsegsChoice() throws IOException {
        Path study = twoSeriesStudy(dir.resolve("study-asked"));

        Cli r = Cli.run("info", study.toString(), "--series", "2.25.3");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("  * 3       axial", "choice         series 2 (2.25.2)",
                "seriesInstanceUid 2.25.3");
    }

    /** The phantom as series 2 (with a stray coronal image) and, 80 mm below it, as series 3. */
    private static Path twoSeriesStudy(Path study) throws IOException {
        TestDicomWriter.writeSeries(phantom.ct(), study, series("2.25.2", "a", "2", "LUNG", "chest"));
        Volume coronal = Volume.builder(64, 64, 1).affine(Affine.ofRows(-5, 0, 0, 160, 0, 0, 5, -100, 0, -5, 0, 0))
                .build();
        TestDicomWriter.writeSeries(coronal, study, series("2.25.2", "stray", "2", "LUNG", "chest"));
        Affine lower = phantom.ct().affine().startingAt(0, 0, -8);
        TestDicomWriter.writeSeries(phantom.ct().toBuilder().affine(lower).build(), study,
                series("2.25.3", "b", "3", "STANDARD", "abdomen"));
        return study;
    }

    private static TestDicomWriter.Options series(String uid, String prefix, String number, String kernel,
                                                  String description) {
        return TestDicomWriter.Options.defaults().series(uid, prefix)
                .text(TestDicomWriter.SERIES_NUMBER, "IS", number)
                .text(TestDicomWriter.CONVOLUTION_KERNEL, "SH", kernel)
                .text(0x0008103E, "LO", description);
    }

    @Test
    void describesARealMosMedMask() {
        Path mask = SharedData.require("data/MosMed-masks/study_0255_mask.nii.gz");
        Cli r = Cli.run("info", mask.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("512 x 512 x 38 voxels", "0.9230 x 0.9230 x 8.000 mm",
                "stored as      LAS (reoriented on read", "0.000 .. 1.000");
    }
}
