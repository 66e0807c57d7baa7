package org.covseg.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.assertj.core.api.AbstractThrowableAssert;
import org.covseg.CovsegException;
import org.covseg.image.Affine;
import org.covseg.image.IntensityUnit;
import org.covseg.image.Volume;
import org.covseg.io.TestDicomWriter.Options;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DicomSeriesReaderTest {

    /** Canonical geometry: i toward Left, j toward Posterior, k toward Superior, origin away from 0. */
    private static final Affine CANONICAL = Affine.ofRows(-0.7, 0, 0, 120.5, 0, -0.8, 0, 80.25, 0, 0, 2.5, -300);
    /** Coronal slices: i toward Left, j toward Inferior, k toward Anterior. */
    private static final Affine CORONAL = Affine.ofRows(-0.7, 0, 0, 10, 0, 0, 2.0, -40, 0, -0.8, 0, 55);
    private static final Options LOCALIZER = Options.defaults()
            .text(TestDicomWriter.IMAGE_TYPE, "CS", "ORIGINAL\\PRIMARY\\LOCALIZER");

    @TempDir
    Path dir;

    /** Integer HU, different at every voxel of a 7x5xdepth volume, from -1024 up to about 3000. */
    private static Volume phantom(Affine affine, int depth) {
        Volume v = Volume.builder(7, 5, depth).affine(affine).spacing(affine.columnNorm(0), affine.columnNorm(1),
                affine.columnNorm(2)).build();
        for (int k = 0; k < depth; k++) {
            for (int j = 0; j < 5; j++) {
                for (int i = 0; i < 7; i++) {
                    v.set(i, j, k, -1024 + (i * 37 + j * 301 + k * 1511) % 4000);
                }
            }
        }
        return v;
    }

    private static Volume phantom() {
        return phantom(CANONICAL, 6);
    }

    @Test
    void anElementLengthBeyondMemoryIsRefusedInOneLine() throws IOException {
        List<Path> files = TestDicomWriter.writeSeries(phantom(), dir, Options.defaults());
        // found by ScanFuzzTest: a text element whose length reads 2^31 - 1 made ImageJ throw OutOfMemoryError
        byte[] bytes = Files.readAllBytes(files.get(2));
        ByteBuffer.wrap(bytes, 294, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(Integer.MAX_VALUE);
        Files.write(files.get(2), bytes);

        assertThatThrownBy(() -> quietly(() -> DicomSeriesReader.read(dir)))
                .isInstanceOf(CovsegException.class)
                .hasMessageContaining(files.get(2).getFileName().toString())
                .hasMessageContaining("declares more bytes than memory allows")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {TestDicomWriter.EXPLICIT_LITTLE, TestDicomWriter.IMPLICIT_LITTLE,
        TestDicomWriter.EXPLICIT_BIG})
    void roundTripGivesTheSameHuAndGeometry(String transferSyntax) throws IOException {
        Volume source = phantom();
        TestDicomWriter.writeSeries(source, dir, Options.defaults().transferSyntax(transferSyntax));

        DicomSeriesResult result = quietly(() -> DicomSeriesReader.read(dir));

        Volume v = result.volume();
        assertThat(v.unit()).isEqualTo(IntensityUnit.HU);
        assertThat(new int[] {v.width(), v.height(), v.depth()}).containsExactly(7, 5, 6);
        assertThat(v.toArray()).containsExactly(source.toArray());
        assertThat(v.spacing()).containsExactly(new double[] {0.7, 0.8, 2.5}, within(1e-6));
        assertThat(v.affine().rows()).containsExactly(CANONICAL.rows(), within(1e-5));
        assertThat(v.fromSource().isIdentity()).isTrue();
        assertThat(v.affine().apply(6, 4, 5)).containsExactly(CANONICAL.apply(6, 4, 5), within(1e-5));
        assertThat(result.series().sliceCount()).isEqualTo(6);
        assertThat(result.notes()).isEmpty();
    }

    @Test
    void unsignedPixelsWithInterceptGiveTrueHu() throws IOException {
        Volume source = phantom();
        TestDicomWriter.writeSeries(source, dir, Options.defaults().unsigned(16, 1, -1024));

        Volume v = DicomSeriesReader.read(dir).volume();

        assertThat(v.toArray()).containsExactly(source.toArray());
        assertThat(v.range()[0]).isEqualTo(-1024f);
    }

    @Test
    void signedPixelsWithSlopeAndInterceptGiveTrueHu() throws IOException {
        // ImageJ would store these +32768 and, because the slope is not 1, convert them to float via menu commands.
        Volume source = phantom();
        TestDicomWriter.writeSeries(source, dir, Options.defaults().signedRescale(0.5, -1000));

        assertThat(DicomSeriesReader.read(dir).volume().toArray()).containsExactly(source.toArray());
    }

    @Test
    void eightBitUnsignedPixelsAreRescaled() throws IOException {
        Volume source = phantom();
        float[] hu = source.toArray();
        for (int p = 0; p < hu.length; p++) {
            hu[p] = -1024 + 4 * (p * 7 % 256);
        }
        source = source.withVoxels(hu, IntensityUnit.HU);
        TestDicomWriter.writeSeries(source, dir, Options.defaults().unsigned(8, 4, -1024));

        assertThat(DicomSeriesReader.read(dir).volume().toArray()).containsExactly(hu);
    }

    @Test
    void sliceOrderComesFromPositionsNotFileNames() throws IOException {
        Volume source = phantom();
        List<Path> files = TestDicomWriter.writeSeries(source, dir, Options.defaults().shuffled(42));
        List<String> names = files.stream().map(f -> f.getFileName().toString()).toList();
        assertThat(names).isNotEqualTo(names.stream().sorted().toList());

        Volume v = DicomSeriesReader.read(dir).volume();

        assertThat(v.toArray()).containsExactly(source.toArray());
    }

    @Test
    void standardAxialSeriesNeedsNoFlip() throws IOException {
        Volume source = phantom();
        List<Path> files = TestDicomWriter.writeSeries(source, dir, Options.defaults());
        DicomHeader firstFile = DicomHeader.parse(files.get(0), ImageJDicom.header(files.get(0)));
        assertThat(firstFile.text("0020,0037")).hasValue("1\\0\\0\\0\\1\\0");

        Volume v = DicomSeriesReader.read(dir).volume();

        // Voxel (i, j) of the volume is column i, row j of the DICOM image: the radiological display, unflipped.
        assertThat(v.fromSource().isIdentity()).isTrue();
        float[] lowestSlice = DicomSlice.of(firstFile).hounsfieldUnits();
        for (int j = 0; j < 5; j++) {
            for (int i = 0; i < 7; i++) {
                assertThat(v.get(i, j, 0)).isEqualTo(lowestSlice[i + 7 * j]);
            }
        }
        // k runs from inferior to superior.
        assertThat(v.affine().apply(0, 0, 1)[2]).isGreaterThan(v.affine().apply(0, 0, 0)[2]);
    }

    @Test
    void requestedCoronalSeriesIsRestackedKeepingWorldPositions() throws IOException {
        // File order: i toward Left, j toward Inferior, k toward Anterior (DICOM orientation 1\0\0\0\0\-1).
        Volume source = phantom(CORONAL, 4);
        TestDicomWriter.writeSeries(source, dir, Options.defaults());

        DicomSeriesResult result = DicomSeriesReader.read(dir, Options.defaults().seriesUid());
        Volume v = result.volume();

        assertThat(result.notes()).containsExactly("series 3 is coronal: restacked into axial slices of 0.700 x 2.00"
                + " mm pixels");
        assertThat(v.fromSource().isIdentity()).isFalse();
        assertThat(v.affine().get(0, 0)).isNegative();
        assertThat(v.affine().get(1, 1)).isNegative();
        assertThat(v.affine().get(2, 2)).isPositive();
        assertThat(new int[] {v.width(), v.height(), v.depth()}).containsExactly(7, 4, 5);
        assertSameWorldValues(source, v);
    }

    @Test
    void feetFirstSliceOrderEndsInferiorToSuperior() throws IOException {
        Affine downward = Affine.ofRows(-0.7, 0, 0, 0, 0, -0.8, 0, 0, 0, 0, -3, 100);
        Volume source = phantom(downward, 5);
        TestDicomWriter.writeSeries(source, dir, Options.defaults());

        Volume v = DicomSeriesReader.read(dir).volume();

        assertThat(v.affine().get(2, 2)).isCloseTo(3, within(1e-6));
        assertThat(v.affine().apply(0, 0, 0)[2]).isCloseTo(100 - 12, within(1e-5));
        assertSameWorldValues(source, v);
    }

    @Test
    void coronalOnlyFolderIsRefusedPointingToSeries() throws IOException {
        TestDicomWriter.writeSeries(phantom(CORONAL, 4), dir, Options.defaults());

        readFails()
                .hasMessage("no axial CT series to analyse: series 3: coronal (to read it restacked into axial slices,"
                        + " pass --series " + Options.defaults().seriesUid() + ")");
    }

    @Test
    void chestSeriesIsChosenOverALargerSeriesBelowItAndSaidSo() throws IOException {
        // 60 mm slices give the series realistic lengths: the chest 300 mm, the abdomen-pelvis 480 mm below it.
        Affine chest = Affine.ofRows(-0.7, 0, 0, 0, 0, -0.8, 0, 0, 0, 0, 60, 0);
        Affine abdomen = Affine.ofRows(-0.7, 0, 0, 0, 0, -0.8, 0, 0, 0, 0, 60, -400);
        TestDicomWriter.writeSeries(phantom(chest, 6), dir, numbered("2.25.1", "a", 2));
        TestDicomWriter.writeSeries(phantom(abdomen, 9), dir, numbered("2.25.2", "b", 3));
        TestDicomWriter.writeSeries(phantom(CANONICAL, 12), dir, numbered("2.25.3", "c", 4).modality("MR"));

        DicomSeriesResult result = DicomSeriesReader.read(dir);

        assertThat(result.series().uid()).isEqualTo("2.25.1");
        assertThat(result.volume().depth()).isEqualTo(6);
        assertThat(result.available()).extracting(SeriesSummary::uid).containsExactly("2.25.1", "2.25.2", "2.25.3");
        assertThat(result.notes()).containsExactly("3 series in the folder; reading series 2 (2.25.1): an axial CT"
                + " series covseg can read (axial CT; series 4: MR); covers the study's upper 300 mm, where the lungs"
                + " lie (100%; series 3: 27%); pass --series <UID> to read another");
    }

    @Test
    void requestedSeriesIsRead() throws IOException {
        TestDicomWriter.writeSeries(phantom(CANONICAL, 6), dir, Options.defaults().series("2.25.1", "a"));
        Volume small = phantom(CANONICAL, 3);
        TestDicomWriter.writeSeries(small, dir, Options.defaults().series("2.25.2", "b"));

        DicomSeriesResult result = DicomSeriesReader.read(dir, "2.25.2");

        assertThat(result.volume().toArray()).containsExactly(small.toArray());
        assertThat(result.volume().metadata()).containsEntry("seriesInstanceUid", "2.25.2");
        assertThat(result.notes()).isEmpty();
    }

    @Test
    void unknownSeriesIsRefusedListingTheAvailableOnes() throws IOException {
        TestDicomWriter.writeSeries(phantom(CANONICAL, 6), dir, Options.defaults().series("2.25.1", "a"));
        TestDicomWriter.writeSeries(phantom(CANONICAL, 3), dir, Options.defaults().series("2.25.2", "b"));

        assertThatThrownBy(() -> DicomSeriesReader.read(dir, "2.25.9"))
                .isInstanceOf(CovsegException.class)
                .hasMessageContaining("series 2.25.9 is not in")
                .hasMessageContaining("2.25.1 (series 3, 6 slices, CT, \"test series\")")
                .hasMessageContaining("2.25.2 (series 3, 3 slices, CT");
    }

    @Test
    void mrSeriesIsRefusedNamingItsModality() throws IOException {
        TestDicomWriter.writeSeries(phantom(), dir, Options.defaults().modality("MR"));

        readFails()
                .hasMessageContaining("no CT series")
                .hasMessageContaining("MR");
        assertThatThrownBy(() -> DicomSeriesReader.read(dir, Options.defaults().seriesUid()))
                .isInstanceOf(CovsegException.class)
                .hasMessageContaining("has modality MR, not CT");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.840.10008.1.2.4.70", "1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.5",
        TestDicomWriter.DEFLATED})
    void compressedTransferSyntaxIsRefused(String syntax) throws IOException {
        TestDicomWriter.writeSeries(phantom(), dir, Options.defaults().transferSyntax(syntax));

        readFails()
                .hasMessageContaining("slice0000.dcm")
                .hasMessageContaining("transfer syntax " + syntax)
                .hasMessageContaining("decompress");
    }

    @Test
    void missingSliceIsAnInconsistentGap() throws IOException {
        List<Path> files = TestDicomWriter.writeSeries(phantom(), dir, Options.defaults());
        Files.delete(files.get(3));

        readFails()
                .hasMessageStartingWith("inconsistent slice geometry: the gap between")
                .hasMessageContaining("5.000 mm but the median gap is 2.500 mm");
    }

    @Test
    void duplicatePositionsAreRefused() throws IOException {
        TestDicomWriter.writeSeries(phantom(), dir, Options.defaults().series("2.25.5", "a"));
        TestDicomWriter.writeSeries(phantom(), dir, Options.defaults().series("2.25.5", "b"));

        readFails()
                .hasMessageStartingWith("inconsistent slice geometry: ")
                .hasMessageContaining("same position");
    }

    @Test
    void strayCoronalImageIsLeftOutWithANote() throws IOException {
        Volume axial = phantom();
        TestDicomWriter.writeSeries(axial, dir, Options.defaults());
        TestDicomWriter.writeSeries(phantom(CORONAL, 1), dir,
                Options.defaults().series(Options.defaults().seriesUid(), "stray"));

        DicomSeriesResult result = quietly(() -> DicomSeriesReader.read(dir));

        assertThat(result.volume().toArray()).containsExactly(axial.toArray());
        assertThat(result.series().sliceCount()).isEqualTo(6);
        assertThat(result.notes()).containsExactly("left out stray0000.dcm (coronal image in an axial series)");
    }

    @Test
    void imagesRotatedUnlikeTheMajorityAreLeftOut() throws IOException {
        TestDicomWriter.writeSeries(phantom(), dir, Options.defaults().series("2.25.5", "a"));
        Affine rotated = Affine.ofRows(0, -0.7, 0, 0, -0.8, 0, 0, 0, 0, 0, 2.5, 50);
        TestDicomWriter.writeSeries(phantom(rotated, 2), dir, Options.defaults().series("2.25.5", "b"));

        DicomSeriesResult result = DicomSeriesReader.read(dir);

        assertThat(result.volume().depth()).isEqualTo(6);
        assertThat(result.notes()).containsExactly("left out b0000.dcm, b0001.dcm (Image Orientation (Patient) unlike"
                + " the rest of the series)");
    }

    @Test
    void seriesWithoutAMajorityOrientationIsRefused() throws IOException {
        TestDicomWriter.writeSeries(phantom(CANONICAL, 3), dir, Options.defaults().series("2.25.5", "a"));
        TestDicomWriter.writeSeries(phantom(CORONAL, 3), dir, Options.defaults().series("2.25.5", "b"));

        readFails()
                .hasMessage("the images of the series lie in several orientations and none holds the majority (3 axial,"
                        + " 3 coronal); split the series into one folder per orientation");
    }

    @Test
    void localizerImagesAreLeftOutOfTheirSeries() throws IOException {
        Volume axial = phantom();
        TestDicomWriter.writeSeries(axial, dir, Options.defaults());
        TestDicomWriter.writeSeries(phantom(CORONAL, 1), dir,
                LOCALIZER.series(Options.defaults().seriesUid(), "scout"));

        DicomSeriesResult result = DicomSeriesReader.read(dir);

        assertThat(result.volume().toArray()).containsExactly(axial.toArray());
        assertThat(result.notes()).containsExactly("left out scout0000.dcm (localizer)");
    }

    @Test
    void localizerSeriesIsNeverChosenAndRefusedWhenAskedFor() throws IOException {
        TestDicomWriter.writeSeries(phantom(CANONICAL, 2), dir, LOCALIZER.series("2.25.1", "scout")
                .text(TestDicomWriter.SERIES_NUMBER, "IS", "1"));
        TestDicomWriter.writeSeries(phantom(), dir, numbered("2.25.2", "axial", 2));

        DicomSeriesResult result = DicomSeriesReader.read(dir);

        assertThat(result.series().uid()).isEqualTo("2.25.2");
        assertThat(result.notes().get(0)).contains("(axial CT; series 1: localizer)");
        assertThatThrownBy(() -> DicomSeriesReader.read(dir, "2.25.1"))
                .isInstanceOf(CovsegException.class)
                .hasMessageStartingWith("series 1 (2.25.1) holds localizer (scout) images only");
    }

    @Test
    void imageWithoutPixelDataIsNamedInTheGapError() throws IOException {
        Volume source = phantom();
        List<Path> files = TestDicomWriter.writeSeries(source, dir, Options.defaults());
        Files.write(files.get(3), TestDicomWriter.fileBytes(source, 3, 4,
                Options.defaults().omit(TestDicomWriter.PIXEL_DATA)));

        readFails()
                .hasMessageStartingWith("inconsistent slice geometry: the gap between")
                .hasMessageEndingWith("; left out slice0003.dcm (no Pixel Data (7FE0,0010))");
    }

    @Test
    void imageWithoutPixelDataAtAnEndIsLeftOutWithANote() throws IOException {
        Volume source = phantom();
        List<Path> files = TestDicomWriter.writeSeries(source, dir, Options.defaults());
        Files.write(files.get(5), TestDicomWriter.fileBytes(source, 5, 6,
                Options.defaults().omit(TestDicomWriter.PIXEL_DATA)));

        DicomSeriesResult result = DicomSeriesReader.read(dir);

        assertThat(result.volume().depth()).isEqualTo(5);
        assertThat(result.notes()).containsExactly("left out slice0005.dcm (no Pixel Data (7FE0,0010))");
    }

    @Test
    void seriesWithoutAnyPixelDataIsRefusedNamingItsFiles() throws IOException {
        TestDicomWriter.writeSeries(phantom(CANONICAL, 2), dir, Options.defaults().omit(TestDicomWriter.PIXEL_DATA));

        readFails()
                .hasMessage("no file of the series has Pixel Data (7FE0,0010): slice0000.dcm, slice0001.dcm; export"
                        + " the series again with its images");
    }

    @Test
    void differentPixelSpacingsInOneSeriesAreRefused() throws IOException {
        TestDicomWriter.writeSeries(phantom(), dir, Options.defaults().series("2.25.5", "a"));
        Affine finer = Affine.ofRows(-0.5, 0, 0, 0, 0, -0.8, 0, 0, 0, 0, 2.5, 50);
        TestDicomWriter.writeSeries(phantom(finer, 2), dir, Options.defaults().series("2.25.5", "b"));

        readFails()
                .hasMessageStartingWith("inconsistent slice geometry: ")
                .hasMessageContaining("Pixel Spacing");
    }

    @Test
    void gantryTiltIsRefused() throws IOException {
        Affine tilted = Affine.ofRows(-0.7, 0, 0, 0, 0, -0.8, -1.0, 0, 0, 0, 2.5, 0);
        TestDicomWriter.writeSeries(phantom(tilted, 4), dir, Options.defaults());

        readFails()
                .hasMessageContaining("gantry tilt");
    }

    @ParameterizedTest
    @ValueSource(ints = {TestDicomWriter.IMAGE_POSITION, TestDicomWriter.IMAGE_ORIENTATION,
        TestDicomWriter.PIXEL_SPACING})
    void missingGeometryTagsAreNamed(int tag) throws IOException {
        TestDicomWriter.writeSeries(phantom(), dir, Options.defaults().omit(tag));
        String name = switch (tag) {
            case TestDicomWriter.IMAGE_POSITION -> "Image Position (Patient) (0020,0032)";
            case TestDicomWriter.IMAGE_ORIENTATION -> "Image Orientation (Patient) (0020,0037)";
            default -> "Pixel Spacing (0028,0030)";
        };

        readFails().hasMessageContaining("slice0000.dcm: DICOM file lacks " + name);
    }

    @Test
    void singleSliceTakesItsDepthFromSliceThickness() throws IOException {
        Volume source = phantom(CANONICAL, 1);
        TestDicomWriter.writeSeries(source, dir, Options.defaults());

        Volume v = DicomSeriesReader.read(dir).volume();

        assertThat(v.depth()).isEqualTo(1);
        assertThat(v.spacing()[2]).isCloseTo(2.5, within(1e-9));
        assertThat(v.toArray()).containsExactly(source.toArray());
    }

    @Test
    void singleSliceWithoutThicknessIsRefused() throws IOException {
        TestDicomWriter.writeSeries(phantom(CANONICAL, 1), dir,
                Options.defaults().omit(TestDicomWriter.SLICE_THICKNESS));

        readFails()
                .hasMessageContaining("single-slice series needs a positive Slice Thickness (0018,0050)");
    }

    @Test
    void emptyFolderIsRefused() {
        readFails()
                .hasMessage("no DICOM image files in " + dir);
    }

    @Test
    void folderWithOnlyATextFileIsRefusedNamingIt() throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "not an image\n".repeat(20));

        readFails()
                .hasMessage("no DICOM image files in " + dir + " (1 other file: notes.txt)");
    }

    @Test
    void seriesInASubfolderIsPointedTo() throws IOException {
        TestDicomWriter.writeSeries(phantom(), dir.resolve("series1"), Options.defaults());

        readFails()
                .hasMessageContaining("does not look into subfolders")
                .hasMessageContaining("series1");
    }

    @Test
    void missingFolderIsRefused() {
        assertThatThrownBy(() -> DicomSeriesReader.read(dir.resolve("nope")))
                .isInstanceOf(CovsegException.class)
                .hasMessageContaining("nope does not exist");
    }

    @Test
    void nonImageFilesAreIgnoredWithANote() throws IOException {
        Volume source = phantom();
        TestDicomWriter.writeSeries(source, dir, Options.defaults());
        Files.writeString(dir.resolve("readme.txt"), "exported by some PACS\n".repeat(10));
        Files.write(dir.resolve("DICOMDIR"), TestDicomWriter.fileBytes(source, 0, 1,
                Options.defaults().omit(TestDicomWriter.PIXEL_DATA, TestDicomWriter.ROWS)));

        DicomSeriesResult result = quietly(() -> DicomSeriesReader.read(dir));

        assertThat(result.volume().toArray()).containsExactly(source.toArray());
        assertThat(result.ignored()).extracting(p -> p.getFileName().toString())
                .containsExactly("DICOMDIR", "readme.txt");
        assertThat(result.notes()).containsExactly("ignored 2 files that are not DICOM images: DICOMDIR, readme.txt");
    }

    @Test
    void corruptHeaderIsRefusedNamingTheFile() throws IOException {
        TestDicomWriter.writeSeries(phantom(), dir, Options.defaults());
        // "DICM", then a Specific Character Set element (implicit VR) claiming a negative length.
        ByteBuffer bad = ByteBuffer.allocate(140).order(ByteOrder.LITTLE_ENDIAN);
        bad.position(128);
        bad.put("DICM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 8).putShort((short) 5)
                .putInt(-16);
        Files.write(dir.resolve("broken.dcm"), bad.array());

        readFails().hasMessageStartingWith(dir.resolve("broken.dcm") + ": ImageJ could not parse this file as DICOM");
    }

    @Test
    void truncatedFileIsRefused() throws IOException {
        List<Path> files = TestDicomWriter.writeSeries(phantom(), dir, Options.defaults());
        byte[] whole = Files.readAllBytes(files.get(2));
        Files.write(files.get(2), Arrays.copyOf(whole, whole.length - 10));

        readFails()
                .hasMessageContaining("slice0002.dcm: DICOM file is truncated");
    }

    @ParameterizedTest
    @ValueSource(strings = {TestDicomWriter.EXPLICIT_LITTLE, TestDicomWriter.IMPLICIT_LITTLE})
    void seriesUidInsideADefinedLengthSequenceIsNotTakenForTheFilesOwn(String transferSyntax) throws IOException {
        // ImageJ does not mark elements of defined-length sequences as nested; the top-level one comes after them.
        TestDicomWriter.writeSeries(phantom(), dir,
                Options.defaults().transferSyntax(transferSyntax).referencedSeries("2.25.999"));

        DicomSeriesResult result = DicomSeriesReader.read(dir);

        assertThat(result.series().uid()).isEqualTo(Options.defaults().seriesUid());
        assertThat(result.available()).hasSize(1);
    }

    @Test
    void metadataDescribesTheSeriesWithoutIdentifyingThePatient() throws IOException {
        TestDicomWriter.writeSeries(phantom(), dir, Options.defaults());

        Map<String, String> meta = DicomSeriesReader.read(dir).volume().metadata();

        assertThat(meta).containsEntry("format", "DICOM")
                .containsEntry("modality", "CT")
                .containsEntry("seriesInstanceUid", Options.defaults().seriesUid())
                .containsEntry("seriesDescription", "test series")
                .containsEntry("patientPosition", "HFS")
                .containsEntry("seriesNumber", "3");
        assertThat(String.join(" ", meta.values())).doesNotContain("Doe");
    }

    private static Options numbered(String uid, String filePrefix, int seriesNumber) {
        return Options.defaults().series(uid, filePrefix)
                .text(TestDicomWriter.SERIES_NUMBER, "IS", Integer.toString(seriesNumber));
    }

    /** Asserts that reading the test folder fails with a user error (and prints nothing). */
    private AbstractThrowableAssert<?, ? extends Throwable> readFails() {
        return assertThatThrownBy(() -> quietly(() -> DicomSeriesReader.read(dir))).isInstanceOf(CovsegException.class);
    }

    /** Every voxel of {@code read} holds the value {@code source} has at the same world position. */
    private static void assertSameWorldValues(Volume source, Volume read) {
        Map<String, Float> byPosition = new HashMap<>();
        for (int k = 0; k < source.depth(); k++) {
            for (int j = 0; j < source.height(); j++) {
                for (int i = 0; i < source.width(); i++) {
                    byPosition.put(key(source.affine().apply(i, j, k)), source.get(i, j, k));
                }
            }
        }
        assertThat(read.voxelCount()).isEqualTo(source.voxelCount());
        for (int k = 0; k < read.depth(); k++) {
            for (int j = 0; j < read.height(); j++) {
                for (int i = 0; i < read.width(); i++) {
                    assertThat(byPosition.get(key(read.affine().apply(i, j, k)))).isEqualTo(read.get(i, j, k));
                }
            }
        }
    }

    private static String key(double[] world) {
        return Math.round(world[0] * 100) + "," + Math.round(world[1] * 100) + "," + Math.round(world[2] * 100);
    }

    /** Runs the read and checks ImageJ printed nothing to stdout or stderr. */
    private static <T> T quietly(Supplier<T> read) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(captured, true);
        System.setOut(capture);
        System.setErr(capture);
        try {
            return read.get();
        } finally {
            System.setOut(out);
            System.setErr(err);
            assertThat(captured.toString()).as("console output while reading DICOM").isEmpty();
        }
    }
}
