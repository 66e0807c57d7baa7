package org.covseg.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.covseg.CovsegException;
import org.covseg.SharedData;
import org.covseg.image.Affine;
import org.covseg.image.IntensityUnit;
import org.covseg.image.Volume;
import org.covseg.image.Window;
import org.covseg.io.NiftiDatatype;
import org.covseg.io.NiftiReader;
import org.covseg.io.SliceImageWriter;
import org.covseg.io.SliceOrientation;
import org.covseg.lungs.LungMasks;
import org.covseg.phantom.LungInfection;
import org.covseg.phantom.Phantom;
import org.covseg.severity.InfectionLabels;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** covseg analyze with masks the user gives, on a phantom whose masks are exact. */
class UserMasksAnalysisTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final InfectionLabels CLASSES = InfectionLabels.GROUND_GLASS_AND_CONSOLIDATION;
    private static final LungMasks NOT_RUN = (ct, infection) -> {
        throw new AssertionError("covseg's lung segmentation ran although the user gave the lungs");
    };
    private static Phantom phantom;

    @TempDir
    Path tmp;

    @BeforeAll
    static void makePhantom() {
        phantom = PhantomFiles.small();
    }

    private static AnalysisJob job(InfectionMaps maps, LungMasks lungs, UserMasks masks) {
        return new AnalysisJob(new StudyAnalyzer(maps, lungs, new StudyAnalyzer.Settings(0.5, null), masks));
    }

    private static void run(AnalysisJob job, Path input, Path out) {
        job.run(new AnalysisJob.Request(input, out, null, "test-version"), new PrintWriter(new StringWriter()));
    }

    private Path write(Volume v, String name, NiftiDatatype type) {
        return PhantomFiles.write(v, tmp, name, type);
    }

    @Test
    void thePhantomsOwnMasksGiveItsTruthExactly() throws IOException {
        Path ct = write(phantom.ct(), "chest.nii.gz", NiftiDatatype.INT16);
        Path infection = write(phantom.infection(), "lesions.nii.gz", NiftiDatatype.UINT8);
        Path lungs = write(phantom.lungs(), "lungs.nii.gz", NiftiDatatype.UINT8);
        byte[] infectionBytes = Files.readAllBytes(infection);
        byte[] lungBytes = Files.readAllBytes(lungs);
        Path out = tmp.resolve("out");

        run(job(null, NOT_RUN, new UserMasks(infection, CLASSES, lungs, LungLabels.SIDES, null,
                InfectionLabels.BINARY)), ct, out);

        JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
        JsonNode poi = report.at("/severity/percentageOfInfection");
        double mlPerVoxel = phantom.ct().voxelVolumeMm3() / 1000;
        LungInfection total = phantom.truth().total();
        assertThat(total.groundGlassVoxels()).isPositive();
        assertThat(total.consolidationVoxels()).isPositive();
        assertThat(poi.at("/total/lung/value").asDouble())
                .isCloseTo(total.lungVoxels() * mlPerVoxel, withinPercentage(1e-4));
        assertThat(poi.at("/total/any/percent").asDouble()).isCloseTo(total.percentInfected(), within(1e-9));
        assertThat(poi.at("/total/groundGlass/percent").asDouble())
                .isCloseTo(100.0 * total.groundGlassVoxels() / total.lungVoxels(), within(1e-9));
        assertThat(poi.at("/total/consolidation/infected/value").asDouble())
                .isCloseTo(total.consolidationVoxels() * mlPerVoxel, withinPercentage(1e-4));
        assertThat(poi.at("/right/any/percent").asDouble())
                .isCloseTo(phantom.truth().right().percentInfected(), within(1e-9));
        assertThat(poi.at("/left/any/percent").asDouble())
                .isCloseTo(phantom.truth().left().percentInfected(), within(1e-9));
        assertThat(report.get("infectionClasses").asText()).contains("ground-glass opacity (label 1)");
        double groundGlass = 0;
        double consolidation = 0;
        for (JsonNode slice : report.get("slices")) {
            groundGlass += slice.get("groundGlass").asDouble();
            consolidation += slice.get("consolidation").asDouble();
            assertThat(slice.get("groundGlass").asDouble() + slice.get("consolidation").asDouble())
                    .isCloseTo(slice.get("infected").asDouble(), within(1e-9));
        }
        assertThat(groundGlass).isCloseTo(poi.at("/total/groundGlass/infected/value").asDouble(), within(1e-9));
        assertThat(consolidation).isCloseTo(poi.at("/total/consolidation/infected/value").asDouble(), within(1e-9));

        assertThat(report.get("models")).isEmpty();
        assertThat(report.has("threshold")).isFalse();
        assertThat(report.at("/masks/0/mask").asText()).isEqualTo("infection");
        assertThat(report.at("/masks/0/origin").asText()).isEqualTo("user mask " + infection.toAbsolutePath());
        assertThat(report.at("/masks/1/origin").asText()).isEqualTo("user mask " + lungs.toAbsolutePath());
        assertThat(report.get("approximations").toString()).contains("user's mask");
        String html = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("user mask " + infection.toAbsolutePath(), "user mask " + lungs.toAbsolutePath(),
                String.format(java.util.Locale.ROOT, "ground-glass %.1f%%, consolidation %.1f%%",
                        100.0 * total.groundGlassVoxels() / total.lungVoxels(),
                        100.0 * total.consolidationVoxels() / total.lungVoxels()));

        assertThat(out.resolve("chest_infection_mask.nii.gz")).doesNotExist();
        assertThat(NiftiReader.read(out.resolve("chest_lungs.nii.gz"), IntensityUnit.LABEL).toArray())
                .containsExactly(phantom.lungs().toArray());
        assertThat(Files.readAllBytes(infection)).isEqualTo(infectionBytes);
        assertThat(Files.readAllBytes(lungs)).isEqualTo(lungBytes);
    }

    @Test
    void aBinaryLungMaskIsSplitIntoRightAndLeftByCovseg() throws IOException {
        Path ct = write(phantom.ct(), "chest.nii.gz", NiftiDatatype.INT16);
        Path infection = write(phantom.infection(), "lesions.nii.gz", NiftiDatatype.UINT8);
        float[] binary = phantom.lungs().toArray();
        for (int p = 0; p < binary.length; p++) {
            binary[p] = binary[p] != 0 ? 255 : 0;
        }
        Path lungs = write(phantom.lungs().withVoxels(binary, IntensityUnit.LABEL), "lungs.nii.gz",
                NiftiDatatype.UINT8);
        Path out = tmp.resolve("out");

        run(job(null, NOT_RUN, new UserMasks(infection, InfectionLabels.BINARY, lungs, LungLabels.BINARY, null,
                InfectionLabels.BINARY)), ct, out);

        JsonNode poi = JSON.readTree(out.resolve("report.json").toFile()).at("/severity/percentageOfInfection");
        assertThat(poi.at("/total/any/percent").asDouble()).isCloseTo(phantom.truth().percentInfected(), within(1e-9));
        assertThat(poi.at("/total/groundGlass").isMissingNode() || poi.at("/total/groundGlass").isNull()).isTrue();
        assertThat(JSON.readTree(out.resolve("report.json").toFile()).at("/slices/0").has("groundGlass")).isFalse();
        // The union is the user's mask exactly; where the lungs touch, covseg's line between them may differ from
        // the phantom's by a few voxels (16 of about 5,200 here).
        float[] split = NiftiReader.read(out.resolve("chest_lungs.nii.gz"), IntensityUnit.LABEL).toArray();
        float[] truth = phantom.lungs().toArray();
        long[] sides = new long[3];
        for (int p = 0; p < truth.length; p++) {
            assertThat(split[p] != 0).isEqualTo(truth[p] != 0);
            sides[(int) split[p]]++;
        }
        assertThat(sides[1]).isCloseTo(phantom.truth().right().lungVoxels(), withinPercentage(1));
        assertThat(sides[2]).isCloseTo(phantom.truth().left().lungVoxels(), withinPercentage(1));
        assertThat(poi.at("/right/any/percent").asDouble())
                .isCloseTo(phantom.truth().right().percentInfected(), within(0.5));
    }

    @Test
    void theTruthAsReferenceAgreesPerfectly() throws IOException {
        Path ct = write(phantom.ct(), "chest.nii.gz", NiftiDatatype.INT16);
        Path truth = write(phantom.infection(), "truth.nii.gz", NiftiDatatype.UINT8);
        Path out = tmp.resolve("out");
        LungMasks trueLungs = (c, i) -> c.withVoxels(phantom.lungs().toArray(), IntensityUnit.LABEL);

        job(TruthInfection.of(phantom.infection()), trueLungs, new UserMasks(null, InfectionLabels.BINARY, null,
                LungLabels.SIDES, truth, CLASSES)).run(new AnalysisJob.Request(ct, out, null, "test-version", true),
                new PrintWriter(new StringWriter()));

        JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
        assertThat(report.at("/masks/0/source").asText()).isEqualTo("covseg model");
        assertThat(report.at("/masks/2/origin").asText()).isEqualTo("user mask " + truth.toAbsolutePath());
        JsonNode a = report.get("agreement");
        assertThat(a.get("unit").asText()).isEqualTo("mL");
        assertThat(a.get("distanceUnit").asText()).isEqualTo("mm");
        assertThat(a.get("regions")).hasSize(3);
        for (JsonNode r : a.get("regions")) {
            assertThat(r.get("infectionClass").asText()).isEqualTo("any");
            assertThat(r.get("dice").asDouble()).isEqualTo(1.0);
            assertThat(r.get("iou").asDouble()).isEqualTo(1.0);
            assertThat(r.get("hausdorff95").asDouble()).isZero();
            assertThat(r.get("amountDifference").asDouble()).isZero();
            assertThat(r.get("amountDifferencePercent").asDouble()).isZero();
        }
        assertThat(a.at("/regions/0/referenceAmount").asDouble())
                .isCloseTo(phantom.truth().total().infectedVoxels() * phantom.ct().voxelVolumeMm3() / 1000,
                        withinPercentage(1e-4));
        assertThat(a.get("classesNotCompared").asText()).contains("has no classes");
        assertThat(a.at("/severity/difference/poiTotalPercent").asDouble()).isZero();
        assertThat(a.at("/severity/difference/wholeLungScores")).extracting(s -> s.get("key").asText())
                .containsExactly("ctSeverityScore", "totalCtScore", "mosmedLevel");
        assertThat(a.at("/severity/difference/wholeLungScores")).allSatisfy(s -> {
            assertThat(s.get("value").asInt()).isZero();
            assertThat(s.get("value").isInt()).isTrue();
            assertThat(s.get("reading").isNull()).isTrue();
        });
        assertThat(a.at("/severity/analysis/wholeLungScores/2/reading").asText()).startsWith("CT-");
        assertThat(a.at("/severity/reference/poiTotalPercent").asDouble())
                .isCloseTo(phantom.truth().percentInfected(), within(1e-9));
        assertThat(report.get("timingsSeconds").has("agreement")).isTrue();
        assertThat(Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8))
                .contains("Agreement with the reference mask", "<td>POI both lungs</td><td class=\"num\">");
        try (PDDocument doc = Loader.loadPDF(out.resolve("report.pdf").toFile())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Agreement with the reference mask",
                    "POI both lungs", "+0.0 points", "not compared apart");
        }
    }

    @Test
    void referenceMissingTheRightLungsLesionsDisagreesThereAlone() throws IOException {
        Path ct = write(phantom.ct(), "chest.nii.gz", NiftiDatatype.INT16);
        Path infection = write(phantom.infection(), "lesions.nii.gz", NiftiDatatype.UINT8);
        Path lungs = write(phantom.lungs(), "lungs.nii.gz", NiftiDatatype.UINT8);
        float[] leftOnly = phantom.infection().toArray();
        float[] lungLabels = phantom.lungs().toArray();
        for (int p = 0; p < leftOnly.length; p++) {
            leftOnly[p] = lungLabels[p] == 1 ? 0 : leftOnly[p];
        }
        Path reference = write(phantom.infection().withVoxels(leftOnly, IntensityUnit.LABEL), "reference.nii.gz",
                NiftiDatatype.UINT8);
        Path out = tmp.resolve("out");

        run(job(null, NOT_RUN, new UserMasks(infection, CLASSES, lungs, LungLabels.SIDES, reference, CLASSES)), ct,
                out);

        JsonNode a = JSON.readTree(out.resolve("report.json").toFile()).get("agreement");
        assertThat(a.has("classesNotCompared")).isFalse();
        assertThat(a.get("regions")).hasSize(9);
        double mlPerVoxel = phantom.ct().voxelVolumeMm3() / 1000;
        JsonNode right = a.at("/regions/3");
        assertThat(right.get("region").asText()).isEqualTo("right lung");
        assertThat(right.get("infectionClass").asText()).isEqualTo("any");
        assertThat(right.get("dice").asDouble()).isZero();
        assertThat(right.get("referenceAmount").asDouble()).isZero();
        assertThat(right.get("amountDifferencePercent").isNull()).isTrue();
        assertThat(right.get("hausdorff95").isNull()).isTrue();
        assertThat(right.get("amountDifference").asDouble())
                .isCloseTo(phantom.truth().right().infectedVoxels() * mlPerVoxel, withinPercentage(1e-4));
        for (int r = 6; r < 9; r++) {
            assertThat(a.at("/regions/" + r + "/region").asText()).isEqualTo("left lung");
            assertThat(a.at("/regions/" + r + "/dice").asDouble()).isEqualTo(1.0);
        }
        // Whole scan: the reference holds the left lung's lesions L of the analysis' L + R: Dice = 2L / (2L + R).
        long l = phantom.truth().left().infectedVoxels();
        long rv = phantom.truth().right().infectedVoxels();
        assertThat(a.at("/regions/0/dice").asDouble()).isCloseTo(2.0 * l / (2 * l + rv), within(1e-12));
        assertThat(a.at("/severity/difference/poiRightPercent").asDouble())
                .isCloseTo(phantom.truth().right().percentInfected(), within(1e-9));
        assertThat(a.at("/severity/difference/poiLeftPercent").asDouble()).isZero();
    }

    @Test
    void aMaskOffTheScansGridIsRefusedAndNothingIsWritten() {
        Path ct = write(phantom.ct(), "chest.nii.gz", NiftiDatatype.INT16);
        Volume fewerSlices = Volume.builder(64, 64, 11).spacing(5.6, 5.6, 20).unit(IntensityUnit.LABEL).build();
        Path shortMask = write(fewerSlices, "short.nii.gz", NiftiDatatype.UINT8);
        double[] rows = phantom.infection().affine().rows();
        rows[3] += 3;
        Volume moved = phantom.infection().toBuilder().affine(Affine.ofRows(rows)).build();
        Path movedMask = write(moved, "moved.nii.gz", NiftiDatatype.UINT8);
        Path out = tmp.resolve("out");

        assertThatThrownBy(() -> run(job(null, NOT_RUN, new UserMasks(shortMask, InfectionLabels.BINARY, null,
                LungLabels.SIDES, null, InfectionLabels.BINARY)), ct, out))
                .isInstanceOf(CovsegException.class)
                .hasMessageContainingAll("--infection-mask " + shortMask, "chest.nii.gz", "64x64x11", "64x64x12")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> run(job(TruthInfection.of(phantom.infection()), NOT_RUN, new UserMasks(null,
                InfectionLabels.BINARY, null, LungLabels.SIDES, movedMask, InfectionLabels.BINARY)), ct, out))
                .isInstanceOf(CovsegException.class)
                .hasMessageContainingAll("--reference-mask " + movedMask, "chest.nii.gz", "3.00 mm")
                .hasMessageNotContaining("\n");
        assertThat(out).doesNotExist();
    }

    @Test
    void pngMasksOfASliceGiveItsTruth() throws IOException {
        Phantom slice = phantom.slice(5);
        Path image = tmp.resolve("one.png");
        SliceImageWriter.writeGrey8(image, Window.LUNG.apply(slice.ct()), SliceOrientation.DISPLAY);
        Path infection = tmp.resolve("one_lesions.png");
        SliceImageWriter.writeLabels(infection, slice.infection(), SliceOrientation.DISPLAY);
        Path lungs = tmp.resolve("one_lungs.png");
        SliceImageWriter.writeLabels(lungs, slice.lungs(), SliceOrientation.DISPLAY);
        Path out = tmp.resolve("out");

        run(job(null, NOT_RUN, new UserMasks(infection, CLASSES, lungs, LungLabels.SIDES, infection, CLASSES)),
                image, out);

        JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
        JsonNode poi = report.at("/severity/percentageOfInfection");
        assertThat(poi.get("unit").asText()).isEqualTo("pixels");
        assertThat(poi.at("/total/lung/value").asDouble()).isEqualTo(slice.truth().total().lungVoxels());
        assertThat(poi.at("/total/any/percent").asDouble()).isCloseTo(slice.truth().percentInfected(), within(1e-9));
        assertThat(poi.at("/right/any/percent").asDouble())
                .isCloseTo(slice.truth().right().percentInfected(), within(1e-9));
        assertThat(report.at("/agreement/distanceUnit").asText()).isEqualTo("pixels");
        assertThat(report.at("/agreement/regions/0/hausdorff95").asDouble()).isZero();
        assertThat(out.resolve("one_lungs.png")).isRegularFile();
        assertThat(out.resolve("one_mask.png")).doesNotExist();
    }

    @Test
    void aWrongSizedPngMaskIsRefused() {
        Phantom slice = phantom.slice(5);
        Path image = tmp.resolve("one.png");
        SliceImageWriter.writeGrey8(image, Window.LUNG.apply(slice.ct()), SliceOrientation.DISPLAY);
        Path small = tmp.resolve("small.png");
        SliceImageWriter.writeLabels(small, Volume.builder(32, 64, 1).unit(IntensityUnit.LABEL).build(),
                SliceOrientation.DISPLAY);

        assertThatThrownBy(() -> run(job(null, NOT_RUN, new UserMasks(small, InfectionLabels.BINARY, null,
                LungLabels.SIDES, null, InfectionLabels.BINARY)), image, tmp.resolve("out")))
                .isInstanceOf(CovsegException.class)
                .hasMessageContainingAll("small.png", "one.png", "32x64 pixels", "64x64 pixels");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void classesOutsideZeroToTwoAreRefusedNamingTheFile() {
        Path ct = write(phantom.ct(), "chest.nii.gz", NiftiDatatype.INT16);
        float[] v = phantom.infection().toArray();
        v[v.length / 2] = 7;
        Path mask = write(phantom.infection().withVoxels(v, IntensityUnit.LABEL), "seven.nii.gz", NiftiDatatype.UINT8);

        assertThatThrownBy(() -> run(job(null, NOT_RUN, new UserMasks(mask, CLASSES, null, LungLabels.SIDES, null,
                InfectionLabels.BINARY)), ct, tmp.resolve("out")))
                .isInstanceOf(CovsegException.class)
                .hasMessageContainingAll("seven.nii.gz", "7.0", "ground-glass");
    }

    @Test
    void aRealMaskWrittenByAnotherToolFitsAScanWrittenOnItsGrid() throws IOException {
        Path mask;
        try (java.util.stream.Stream<Path> masks = Files.list(SharedData.require("data/MosMed-masks"))) {
            mask = masks.filter(p -> p.toString().endsWith(".nii.gz")).sorted().findFirst().orElseThrow();
        }
        Volume lesions = NiftiReader.read(mask, IntensityUnit.LABEL);
        float[] air = new float[Math.toIntExact(lesions.voxelCount())];
        java.util.Arrays.fill(air, -1000);
        Path ct = write(lesions.withVoxels(air, IntensityUnit.HU), "scan.nii.gz", NiftiDatatype.INT16);
        float[] halves = new float[air.length];
        long infected = 0;
        float[] l = lesions.toArray();
        for (int p = 0; p < halves.length; p++) {
            halves[p] = p % lesions.width() < lesions.width() / 2 ? 1 : 2;
            infected += l[p] != 0 ? 1 : 0;
        }
        Path lungs = write(lesions.withVoxels(halves, IntensityUnit.LABEL), "halves.nii.gz", NiftiDatatype.UINT8);
        Path out = tmp.resolve("out");

        run(job(null, NOT_RUN, new UserMasks(mask, InfectionLabels.BINARY, lungs, LungLabels.SIDES, null,
                InfectionLabels.BINARY)), ct, out);

        JsonNode poi = JSON.readTree(out.resolve("report.json").toFile()).at("/severity/percentageOfInfection");
        assertThat(infected).isPositive();
        assertThat(poi.at("/total/any/percent").asDouble()).isCloseTo(100.0 * infected / air.length, within(1e-9));
    }
}
