package org.covseg.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.covseg.CovsegException;
import org.covseg.image.IntensityUnit;
import org.covseg.image.Volume;
import org.covseg.image.Window;
import org.covseg.infer.SliceMaps;
import org.covseg.io.NiftiDatatype;
import org.covseg.io.NiftiReader;
import org.covseg.io.NiftiWriter;
import org.covseg.io.SliceImageWriter;
import org.covseg.io.SliceOrientation;
import org.covseg.lungs.LungMasks;
import org.covseg.phantom.Phantom;
import org.covseg.report.AnalysisReport;
import org.covseg.report.ModelInfo;
import org.covseg.severity.CtSeverityScore;
import org.covseg.severity.MosmedCategory;
import org.covseg.severity.TotalCtScore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** covseg analyze on phantoms, with the phantom's true lungs and true infection standing in for the models. */
class AnalysisJobTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Phantom phantom;

    @TempDir
    Path tmp;

    @BeforeAll
    static void makePhantom() {
        phantom = PhantomFiles.small();
    }

    /** The phantom's true lungs, placed on the grid of the CT they are asked for. */
    private static LungMasks trueLungs() {
        return (ct, infection) -> ct.withVoxels(phantom.lungs().toArray(), IntensityUnit.LABEL);
    }

    private static AnalysisJob job(InfectionMaps maps, LungMasks lungs, Double pixelMm) {
        return new AnalysisJob(new StudyAnalyzer(maps, lungs, new StudyAnalyzer.Settings(0.5, pixelMm)));
    }

    private static AnalysisJob.Request request(Path input, Path out) {
        return new AnalysisJob.Request(input, out, null, "test-version");
    }

    @Test
    void theReportSaysHowMuchOfTheLungsAndTheInfectionTheInfectionMaskAdded() throws IOException {
        Path ct = tmp.resolve("chest.nii.gz");
        NiftiWriter.write(phantom.ct(), ct, NiftiDatatype.INT16);
        float[] lungs = phantom.lungs().toArray();
        float[] infection = phantom.infection().toArray();
        float[] withoutInfected = lungs.clone();
        long right = 0;
        long infectedInLungs = 0;
        for (int p = 0; p < lungs.length; p++) {
            right += lungs[p] == 1 ? 1 : 0;
            infectedInLungs += lungs[p] != 0 && infection[p] != 0 ? 1 : 0;
        }
        long removed = 0;
        long infectedRemoved = 0;
        for (int p = 0; p < lungs.length && removed < right / 10; p++) {
            if (lungs[p] == 1) {
                withoutInfected[p] = 0;
                removed++;
                infectedRemoved += infection[p] != 0 ? 1 : 0;
            }
        }
        // the first tenth of the right lung is found only when the infection mask is used
        LungMasks unionAdds = (c, mask) -> c.withVoxels(mask.isPresent() ? lungs : withoutInfected,
                IntensityUnit.LABEL);
        Path out = tmp.resolve("out");
        job(TruthInfection.of(phantom.infection()), unionAdds, null).run(request(ct, out),
                new PrintWriter(new StringWriter()));

        JsonNode lungsOrigin = JSON.readTree(out.resolve("report.json").toFile()).at("/masks/1");
        assertThat(lungsOrigin.get("mask").asText()).isEqualTo("lungs");
        assertThat(lungsOrigin.at("/addedFromInfectionPercent/rightLung").asDouble())
                .isCloseTo(100.0 * removed / right, within(1e-9));
        assertThat(lungsOrigin.at("/addedFromInfectionPercent/leftLung").asDouble()).isZero();
        assertThat(lungsOrigin.at("/addedFromInfectionPercent/infection").asDouble())
                .isCloseTo(100.0 * infectedRemoved / infectedInLungs, within(1e-9));
        assertThat(lungsOrigin.get("origin").asText()).contains(String.format(java.util.Locale.ROOT,
                "they make %.1f %% of the right lung and 0.0 %% of the left", 100.0 * removed / right));
        assertThat(Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8))
                .contains("of the right lung and 0.0 % of the left");
    }

    @Test
    void theProbabilityVolumesTemporaryFileIsClosedOnceTheOutputsAreWritten() throws IOException {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs /proc/self/fd (Linux) to see open files");
        Path ct = tmp.resolve("chest.nii.gz");
        NiftiWriter.write(phantom.ct(), ct, NiftiDatatype.INT16);
        Path spillDir = Files.createDirectory(tmp.resolve("spill"));
        long[] openWhileAnalysing = {-1};
        LungMasks lungs = (c, mask) -> {
            openWhileAnalysing[0] = openFilesIn(spillDir);
            return trueLungs().segment(c, mask);
        };
        String tmpdir = System.getProperty("java.io.tmpdir");
        try {
            System.setProperty("java.io.tmpdir", spillDir.toString());
            job(TruthInfection.of(phantom.infection()), lungs, null).run(request(ct, tmp.resolve("out")),
                    new PrintWriter(new StringWriter()));
        } finally {
            System.setProperty("java.io.tmpdir", tmpdir);
        }

        assertThat(openWhileAnalysing[0]).as("the probability volume's file, open while the lungs are found")
                .isEqualTo(1);
        assertThat(openFilesIn(spillDir)).isZero();
    }

    /** How many files in {@code dir} (named or not) this process has open. */
    private static long openFilesIn(Path dir) {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).startsWith(dir);
                } catch (IOException gone) {
                    return false;
                }
            }).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void volumeReportMatchesThePhantomTruth() throws IOException {
        Path ct = tmp.resolve("chest.nii.gz");
        NiftiWriter.write(phantom.ct(), ct, NiftiDatatype.INT16);
        Path out = tmp.resolve("out");

        AnalysisJob.Summary summary = job(TruthInfection.of(phantom.infection()), trueLungs(), null)
                .run(request(ct, out), new PrintWriter(new StringWriter()));

        assertThat(summary.failures()).isEmpty();
        JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
        assertThat(report.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(report.get("disclaimer").asText()).isEqualTo("Research software, not for clinical use.");
        assertThat(report.get("covsegVersion").asText()).isEqualTo("test-version");
        assertThat(report.at("/input/kind").asText()).isEqualTo("NIfTI volume");
        assertThat(report.at("/input/shape").toString()).isEqualTo("[64,64,12]");
        assertThat(report.at("/models/0/name").asText()).isEqualTo("phantom-truth");
        assertThat(report.get("threshold").asDouble()).isEqualTo(0.5);
        assertThat(report.get("infectionClasses").asText()).contains("not available — no multi-class model");
        JsonNode poi = report.at("/severity/percentageOfInfection");
        assertThat(poi.get("unit").asText()).isEqualTo("mL");
        assertThat(poi.at("/total/any/percent").asDouble()).isCloseTo(phantom.truth().percentInfected(), within(1.0));
        assertThat(poi.at("/right/any/percent").asDouble())
                .isCloseTo(phantom.truth().right().percentInfected(), within(1.0));
        assertThat(poi.at("/left/any/percent").asDouble())
                .isCloseTo(phantom.truth().left().percentInfected(), within(1.0));
        assertThat(report.at("/severity/ctSeverityScore/label").asText()).isEqualTo(CtSeverityScore.LABEL);
        assertThat(report.get("slices")).hasSize(12);
        double infectedMl = 0;
        for (JsonNode s : report.get("slices")) {
            infectedMl += s.get("infected").asDouble();
        }
        assertThat(infectedMl).isCloseTo(poi.at("/total/any/infected/value").asDouble(), within(1e-6));
        assertThat(report.get("timingsSeconds").fieldNames()).toIterable()
                .containsExactly("read", "infection", "lungs", "severity", "masks");
        double stagesSum = 0;
        double longestStage = 0;
        for (JsonNode stage : report.get("timingsSeconds")) {
            stagesSum += stage.asDouble();
            longestStage = Math.max(longestStage, stage.asDouble());
        }
        assertThat(report.get("wallSeconds").asDouble()).as("the whole: stages may overlap, nothing else is long")
                .isGreaterThanOrEqualTo(longestStage).isLessThan(stagesSum + 5);

        String html = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
        assertSelfContained(html);
        assertThat(html).contains(AnalysisReport.DISCLAIMER, CtSeverityScore.LABEL, TotalCtScore.LABEL,
                MosmedCategory.LABEL, "Overview", "Key slices");
        assertThat(List.of("<h2>Summary</h2>", "<h2>Overview</h2>", "<h2>Scores</h2>", "<h2>Input</h2>"))
                .as("the answer first, then the pictures, the definitions and the provenance")
                .isSortedAccordingTo(Comparator.comparingInt(html::indexOf))
                .allSatisfy(heading -> assertThat(html).contains(heading));
        assertThat(html).containsPattern("<th>both lungs</th><td>infected: [0-9.]+%");
        assertThat(html).containsPattern("<th><b>whole analysis</b></th><td><b>[0-9.]+ s</b>");
        assertThat(imageCount(html)).as("overview, 4 key slices, chart").isEqualTo(1 + 4 + 1);
        assertThat(out.resolve(StudyOutputs.OVERVIEW)).isRegularFile();

        Volume lungs = NiftiReader.read(out.resolve("chest_lungs.nii.gz"), IntensityUnit.LABEL);
        assertThat(lungs.toArray()).containsExactly(phantom.lungs().toArray());
        assertThat(out.resolve("chest_infection_mask.nii.gz")).isRegularFile();
        assertThat(out.resolve("chest_infection.nii.gz")).isRegularFile();
        assertThat(hiddenEntries(tmp)).isEmpty();
    }

    @Test
    void aProbabilityThatCannotBeWrittenFailsTheStudyAfterTheMasksBesideItAreDoneAndLeavesNothing() throws IOException {
        Path ct = tmp.resolve("chest.nii.gz");
        NiftiWriter.write(phantom.ct(), ct, NiftiDatatype.INT16);
        TruthInfection truth = TruthInfection.of(phantom.infection());
        InfectionMaps oneNan = new InfectionMaps() {
            @Override
            public ModelInfo model() {
                return TruthInfection.MODEL;
            }

            @Override
            public SliceMaps probabilities(List<Volume> slices, IntConsumer slicesDone) {
                List<float[]> maps = truth.probabilities(slices, slicesDone).all();
                maps.get(maps.size() / 2)[0] = Float.NaN;
                return SliceMaps.of(maps);
            }
        };
        Path out = tmp.resolve("out");

        assertThatThrownBy(() -> job(oneNan, trueLungs(), null).run(request(ct, out),
                new PrintWriter(new StringWriter()))).isInstanceOf(CovsegException.class)
                .hasMessageContaining("chest_infection.nii.gz").hasMessageContaining("1 voxels are NaN or infinite");
        assertThat(out).doesNotExist();
        assertThat(hiddenEntries(tmp)).isEmpty();
    }

    @Test
    void aCorruptStudyInAFolderIsReportedAndTheOthersAreAnalysed() throws IOException {
        Path studies = Files.createDirectories(tmp.resolve("studies"));
        NiftiWriter.write(phantom.ct(), studies.resolve("good.nii.gz"), NiftiDatatype.INT16);
        Files.write(studies.resolve("bad.nii.gz"), new byte[] {1, 2, 3, 4, 5});
        Path out = tmp.resolve("out");
        StringWriter log = new StringWriter();

        AnalysisJob.Summary summary = job(TruthInfection.of(phantom.infection()), trueLungs(), null)
                .run(request(studies, out), new PrintWriter(log, true));

        assertThat(summary.written()).containsExactly(out.resolve("good"));
        assertThat(summary.failures()).containsOnlyKeys(studies.resolve("bad.nii.gz"));
        assertThat(out.resolve("good").resolve("report.json")).isRegularFile();
        assertThat(out.resolve("good").resolve("report.html")).isRegularFile();
        assertThat(out.resolve("bad")).doesNotExist();
        assertThat(log.toString()).contains("FAILED bad.nii.gz: ").contains("1 of 2 studies analysed");
        assertThat(hiddenEntries(out)).isEmpty();
    }

    @Test
    void aFolderOfSlicesIsOneStudyScoredImageByImage() throws IOException {
        Path slices = Files.createDirectories(tmp.resolve("slices"));
        int[] ks = {4, 5, 6};
        TruthInfection truth = new TruthInfection();
        Deque<Volume> lungs = new ArrayDeque<>();
        for (int s = 0; s < ks.length; s++) {
            Phantom slice = phantom.slice(ks[s]);
            SliceImageWriter.writeGrey8(slices.resolve("slice_" + s + ".png"), Window.LUNG.apply(slice.ct()),
                    SliceOrientation.DISPLAY);
            truth.add(slice.infection().toArray());
            lungs.add(slice.lungs());
        }
        // asked once with the infection mask per slice (and again without it to measure what the mask added)
        Volume[] current = new Volume[1];
        LungMasks inOrder = (ct, infection) -> {
            if (infection.isPresent()) {
                current[0] = lungs.removeFirst();
            }
            return ct.withVoxels(current[0].toArray(), IntensityUnit.LABEL);
        };
        Path out = tmp.resolve("out");

        job(truth, inOrder, 0.7).run(request(slices, out), new PrintWriter(new StringWriter()));

        JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
        assertThat(report.get("severity")).isNull();
        assertThat(report.at("/input/kind").asText()).isEqualTo("folder of 2-D slice images");
        assertThat(report.at("/input/spacingMm").toString()).isEqualTo("[0.7,0.7]");
        assertThat(report.get("slices")).hasSize(3);
        for (int s = 0; s < ks.length; s++) {
            JsonNode poi = report.at("/slices/" + s + "/severity/percentageOfInfection");
            assertThat(report.at("/slices/" + s + "/name").asText()).isEqualTo("slice_" + s);
            assertThat(poi.get("label").asText()).contains("area-based");
            assertThat(poi.get("unit").asText()).isEqualTo("mm²");
            assertThat(poi.at("/total/any/percent").asDouble())
                    .isCloseTo(phantom.slice(ks[s]).truth().percentInfected(), within(1.0));
            assertThat(out.resolve("slice_" + s + "_lungs.png")).isRegularFile();
            assertThat(out.resolve("slice_" + s + "_mask.png")).isRegularFile();
        }
        String html = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
        assertSelfContained(html);
        assertThat(html).contains("Scores per image", "not applicable to a single slice");
    }

    @Test
    void aSingleImageWithoutPixelSizeIsMeasuredInPixels() throws IOException {
        Phantom slice = phantom.slice(5);
        Path image = tmp.resolve("one.png");
        SliceImageWriter.writeGrey8(image, Window.LUNG.apply(slice.ct()), SliceOrientation.DISPLAY);
        Path out = tmp.resolve("out");
        LungMasks lungs = (ct, infection) -> ct.withVoxels(slice.lungs().toArray(), IntensityUnit.LABEL);

        job(new TruthInfection().add(slice.infection().toArray()), lungs, null)
                .run(request(image, out), new PrintWriter(new StringWriter()));

        JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
        assertThat(report.at("/severity/unit").asText()).isEqualTo("pixels");
        assertThat(report.at("/input/spacingMm").isNull()).isTrue();
        assertThat(report.at("/severity/percentageOfInfection/total/any/percent").asDouble())
                .isCloseTo(slice.truth().percentInfected(), within(1.0));
        assertThat(report.get("approximations").toString()).contains("--pixel-mm");
    }

    @Test
    void aNonEmptyOutputFolderIsRefusedBeforeAnyWork() throws IOException {
        Path ct = tmp.resolve("chest.nii.gz");
        NiftiWriter.write(phantom.ct(), ct, NiftiDatatype.INT16);
        Path out = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(out.resolve("keep.txt"), "mine");
        LungMasks mustNotRun = (c, i) -> {
            throw new AssertionError("lungs segmented although the output was refused");
        };

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> job(TruthInfection.of(phantom.infection()),
                        mustNotRun, null).run(request(ct, out), new PrintWriter(new StringWriter())))
                .isInstanceOf(org.covseg.CovsegException.class)
                .hasMessageContaining("already exists and is not empty");
        assertThat(Files.readString(out.resolve("keep.txt"))).isEqualTo("mine");
    }

    private static void assertSelfContained(String html) {
        assertThat(html).doesNotContain("http://", "https://", "<link", "<script");
        Matcher src = Pattern.compile("src=\"([^\"]*)\"").matcher(html);
        while (src.find()) {
            assertThat(src.group(1)).startsWith("data:image/png;base64,");
        }
    }

    private static long imageCount(String html) {
        return Pattern.compile("<img ").matcher(html).results().count();
    }

    private static List<Path> hiddenEntries(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(".")).toList();
        }
    }
}
