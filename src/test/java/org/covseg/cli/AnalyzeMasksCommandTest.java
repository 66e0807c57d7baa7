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
import org.covseg.phantom.PhantomConfig;
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

    /**
     * A phantom slice cropped to its lungs' bounding box less 3 pixels a side, as tightly as COVID-SemiSeg's slices
     * are: read as an image of the body its lungs reach the border and are taken for air outside it, and the
     * small-lungs note points to --cropped-to-lungs; with it they are found, the report says how the image was read,
     * and the percentage is the truth's within a point.
     */
    @Test
    void anImageCroppedToTheLungsIsMeasuredAgainstItsLungsWithCroppedToLungs() throws IOException {
        Phantom slice = Phantom.generate(PhantomConfig.builder().grid(256, 12, 1.4, 20).seed(5).build()).slice(6);
        int[] box = lungBox(slice.lungs(), 3);
        Path image = tmp.resolve("cropped.png");
        Path infection = tmp.resolve("cropped_lesions.png");
        SliceImageWriter.writeGrey8(image, crop(Window.LUNG.apply(slice.ct()), box), SliceOrientation.DISPLAY);
        SliceImageWriter.writeLabels(infection, crop(slice.infection(), box), SliceOrientation.DISPLAY);
        Volume lungs = crop(slice.lungs(), box);
        Volume lesions = crop(slice.infection(), box);
        long lung = 0;
        long infected = 0;
        for (int p = 0; p < lungs.voxelCount(); p++) {
            boolean inLung = lungs.toArray()[p] != 0;
            lung += inLung ? 1 : 0;
            infected += inLung && lesions.toArray()[p] != 0 ? 1 : 0;
        }
        String[] args = {"analyze", image.toString(), "--infection-mask", infection.toString(), "--infection-labels",
            "classes", "--model", tmp.resolve("no-model").toString(), "--no-detect"};

        Cli asBody = Cli.run(concat(args, "--out", tmp.resolve("as-body").toString()));
        Cli cropped = Cli.run(concat(args, "--out", tmp.resolve("cropped").toString(), "--cropped-to-lungs"));

        assertThat(asBody.exitCode()).as(asBody.err()).isZero();
        assertThat(asBody.out()).contains("the lungs found cover only", "the image looks cropped to the lungs: read so"
                + " (--cropped-to-lungs)");
        assertThat(cropped.exitCode()).as(cropped.err()).isZero();
        assertThat(infected).isPositive();
        JsonNode report = new ObjectMapper().readTree(tmp.resolve("cropped/report.json").toFile());
        assertThat(report.at("/input/notes").toString()).contains("--cropped-to-lungs");
        assertThat(report.at("/severity/percentageOfInfection/total/any/percent").asDouble())
                .isCloseTo(100.0 * infected / lung, org.assertj.core.api.Assertions.within(1.0));
    }

    /** Columns and rows (first, last) of the mask's non-zero pixels, less {@code margin} pixels a side. */
    private static int[] lungBox(Volume mask, int margin) {
        int[] box = {mask.width(), -1, mask.height(), -1};
        for (int j = 0; j < mask.height(); j++) {
            for (int i = 0; i < mask.width(); i++) {
                if (mask.get(i, j, 0) != 0) {
                    box[0] = Math.min(box[0], i);
                    box[1] = Math.max(box[1], i);
                    box[2] = Math.min(box[2], j);
                    box[3] = Math.max(box[3], j);
                }
            }
        }
        return new int[] {box[0] + margin, box[1] - margin, box[2] + margin, box[3] - margin};
    }

    private static Volume crop(Volume slice, int[] box) {
        int w = box[1] - box[0] + 1;
        int h = box[3] - box[2] + 1;
        float[] voxels = new float[w * h];
        for (int j = 0; j < h; j++) {
            for (int i = 0; i < w; i++) {
                voxels[i + w * j] = slice.get(box[0] + i, box[2] + j, 0);
            }
        }
        return Volume.builder(w, h, 1).voxels(voxels).unit(slice.unit()).build();
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
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
