package org.covseg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.covseg.analysis.PhantomFiles;
import org.covseg.image.IntensityUnit;
import org.covseg.image.Volume;
import org.covseg.image.Window;
import org.covseg.io.MaskEncoding;
import org.covseg.io.NiftiDatatype;
import org.covseg.io.SliceImageReader;
import org.covseg.io.SliceImageWriter;
import org.covseg.io.SliceOrientation;
import org.covseg.phantom.Phantom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** analyze with the user's own masks, through the command line (no model is needed when the infection is given). */
class AnalyzeMasksCommandTest {

    private static Phantom phantom;

    @TempDir
    Path tmp;

    @BeforeAll
    static void makePhantom() {
        phantom = PhantomFiles.small();
    }

    private Path write(Volume v, String name, NiftiDatatype type) {
        return PhantomFiles.write(v, tmp, name, type);
    }

    @Test
    void theUsersMasksAreScoredWithoutAModel() throws IOException {
        Path ct = write(phantom.ct(), "chest.nii.gz", NiftiDatatype.INT16);
        Path infection = write(phantom.infection(), "lesions.nii.gz", NiftiDatatype.UINT8);
        Path lungs = write(phantom.lungs(), "lungs.nii.gz", NiftiDatatype.UINT8);
        Path out = tmp.resolve("out");

        Cli r = Cli.run("analyze", ct.toString(), "--infection-mask", infection.toString(), "--infection-labels",
                "classes", "--lung-mask", lungs.toString(), "--reference-mask", infection.toString(),
                "--reference-labels", "classes", "--model", tmp.resolve("no-model").toString(), "--out",
                out.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("infection ");
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertThat(report.at("/masks/0/origin").asText()).isEqualTo("user mask " + infection.toAbsolutePath());
        assertThat(report.at("/severity/percentageOfInfection/total/any/percent").asDouble())
                .isCloseTo(phantom.truth().percentInfected(), org.assertj.core.api.Assertions.within(1e-9));
        assertThat(report.at("/agreement/regions")).hasSize(9);
    }

    /**
     * A slice stored transposed (as COVID-SemiSeg stores its files), with its infection mask stored the same way, read
     * with --orientation TRANSPOSED, scores exactly as the same slice stored in display order; the masks covseg writes
     * for it are stored transposed too, so they overlay the file.
     */
    @Test
    void transposedImagesAreReadAndWrittenInTheirOwnPixelOrder() throws IOException {
        Phantom slice = phantom.slice(phantom.ct().depth() / 2);
        JsonNode[] poi = new JsonNode[2];
        Volume[] lungs = new Volume[2];
        SliceOrientation[] orders = {SliceOrientation.DISPLAY, SliceOrientation.TRANSPOSED};
        for (int i = 0; i < 2; i++) {
            Path dir = Files.createDirectories(tmp.resolve(orders[i].name()));
            Path image = dir.resolve("chest.png");
            Path infection = dir.resolve("lesions.png");
            SliceImageWriter.writeGrey8(image, Window.LUNG.apply(slice.ct()), orders[i]);
            SliceImageWriter.writeLabels(infection, slice.infection(), orders[i]);
            Path out = dir.resolve("out");

            Cli r = Cli.run("analyze", image.toString(), "--infection-mask", infection.toString(),
                    "--infection-labels", "classes", "--orientation", orders[i].name(), "--model",
                    tmp.resolve("no-model").toString(), "--out", out.toString());

            assertThat(r.exitCode()).as(r.err()).isZero();
            poi[i] = new ObjectMapper().readTree(out.resolve("report.json").toFile())
                    .at("/severity/percentageOfInfection");
            lungs[i] = SliceImageReader.readMask(out.resolve("chest_lungs.png"), MaskEncoding.LABELS, orders[i]);
        }
        assertThat(poi[1]).isEqualTo(poi[0]);
        assertThat(poi[0].at("/right/lung/voxels").asLong()).isPositive();
        assertThat(poi[0].at("/left/lung/voxels").asLong()).isPositive();
        assertThat(lungs[1].toArray()).containsExactly(lungs[0].toArray());
    }

    @Test
    void aMaskOffTheScansGridIsOneLineNamingBothFilesAndWritesNothing() {
        Path ct = write(phantom.ct(), "chest.nii.gz", NiftiDatatype.INT16);
        Path mask = write(Volume.builder(64, 64, 11).spacing(5.6, 5.6, 20).unit(IntensityUnit.LABEL).build(),
                "short.nii.gz", NiftiDatatype.UINT8);
        Path out = tmp.resolve("out");

        Cli r = Cli.run("analyze", ct.toString(), "--infection-mask", mask.toString(), "--out", out.toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().strip()).startsWith("covseg: --infection-mask " + mask)
                .contains("does not lie on the grid of the scan " + ct).doesNotContain("\n", "Exception");
        assertThat(out).doesNotExist();
    }

    @Test
    void masksForAFolderOfStudiesAreRefused() throws IOException {
        Path studies = Files.createDirectories(tmp.resolve("studies"));
        write(phantom.ct(), "studies/a.nii.gz", NiftiDatatype.INT16);
        Path mask = write(phantom.infection(), "lesions.nii.gz", NiftiDatatype.UINT8);

        Cli r = Cli.run("analyze", studies.toString(), "--infection-mask", mask.toString(), "--out",
                tmp.resolve("out").toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().strip()).startsWith("covseg: masks (--infection-mask").contains("folder of studies")
                .doesNotContain("\n");
    }

    @Test
    void anUnknownLabelConventionIsAUsageError() {
        Cli r = Cli.run("analyze", tmp.toString(), "--infection-labels", "rgb", "--out", tmp.resolve("o").toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--infection-labels", "binary, classes");
    }
}
