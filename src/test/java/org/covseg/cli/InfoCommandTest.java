package org.covseg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
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
    void describesARealMosMedMask() {
        Path mask = SharedData.require("data/MosMed-masks/study_0255_mask.nii.gz");
        Cli r = Cli.run("info", mask.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("512 x 512 x 38 voxels", "0.9230 x 0.9230 x 8.000 mm",
                "stored as      LAS (reoriented on read", "0.000 .. 1.000");
    }
}
