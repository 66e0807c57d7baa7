package org.covseg.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntConsumer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.covseg.data.Scan;
import org.covseg.data.Scans;
import org.covseg.image.IntensityUnit;
import org.covseg.image.Volume;
import org.covseg.infer.LungBoxes;
import org.covseg.infer.MulticlassMaps;
import org.covseg.io.NiftiDatatype;
import org.covseg.io.NiftiReader;
import org.covseg.lungs.LungMasks;
import org.covseg.lungs.LungSegmenter;
import org.covseg.phantom.Phantom;
import org.covseg.report.ModelInfo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * analyze with the optional networks on the small phantom: the true infection stands in for the infection model,
 * tiny untrained multi-class and detection models do the rest; and the PDF report.
 */
class AnalysisModelsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path models;

    private static Phantom phantom;
    private static Path classesDir;
    private static Path detectDir;

    @TempDir
    Path tmp;

    @BeforeAll
    static void makeModels() throws IOException {
        phantom = PhantomFiles.small();
        classesDir = TinyModels.multiclass(models.resolve("multiclass"), TinyModels.infection(models.resolve("inf")));
        detectDir = TinyModels.detect(models.resolve("detect"));
    }

    private static LungMasks trueLungs() {
        return (ct, infection) -> ct.withVoxels(phantom.lungs().toArray(), IntensityUnit.LABEL);
    }

    @Test
    void classesAddUpToTheInfectionAndDetectionAndPdfAreReported() throws IOException {
        Path ct = PhantomFiles.write(phantom.ct(), tmp, "chest.nii.gz", NiftiDatatype.INT16);
        Path out = tmp.resolve("out");
        TruthInfection truth = TruthInfection.of(phantom.infection());
        try (ModelClassMaps classes = ModelClassMaps.open(classesDir, 4, truth.model());
             DetectionModel detection = DetectionModel.open(detectDir, 4)) {
            StudyAnalyzer analyzer = new StudyAnalyzer(truth, trueLungs(), new StudyAnalyzer.Settings(0.5, null))
                    .withClasses(new LungCroppedClassMaps(classes, new LungBoxes(new LungSegmenter()::segment)), "unused")
                    .withDetection(detection, "unused");
            new AnalysisJob(analyzer).run(new AnalysisJob.Request(ct, out, null, "test", true),
                    new PrintWriter(new StringWriter()));
        }

        JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
        JsonNode poi = report.at("/severity/percentageOfInfection");
        for (String lung : new String[] {"right", "left", "total"}) {
            JsonNode l = poi.get(lung);
            double any = l.at("/any/infected/value").asDouble();
            assertThat(any).as(lung).isPositive();
            assertThat(l.at("/groundGlass/infected/value").asDouble() + l.at("/consolidation/infected/value")
                    .asDouble()).as(lung).isCloseTo(any, within(1e-9));
            assertThat(l.at("/groundGlass/percent").asDouble() + l.at("/consolidation/percent").asDouble())
                    .as(lung).isCloseTo(l.at("/any/percent").asDouble(), within(1e-9));
        }
        assertThat(report.get("infectionClasses").asText()).contains("ground-glass opacity (label 1)",
                "tiny-multiclass");
        assertThat(report.get("models").findValuesAsText("task")).containsExactly("infection", "multiclass", "detect");
        assertThat(report.get("models").findValuesAsText("weightsSha256")).filteredOn(h -> h.length() == 64)
                .hasSize(2);
        assertThat(report.get("approximations").toString()).contains("its own prior model tiny-infection");

        Volume labels = NiftiReader.read(out.resolve("chest_labels.nii.gz"), IntensityUnit.LABEL);
        float[] truthMask = phantom.infection().toArray();
        float[] l = labels.toArray();
        for (int i = 0; i < l.length; i++) {
            assertThat(l[i]).isIn(truthMask[i] != 0 ? new Float[] {1f, 2f} : new Float[] {0f});
        }

        JsonNode d = report.get("detection");
        assertThat(d.get("probability").asDouble()).isBetween(0.0, 1.0);
        assertThat(d.get("scope").asText()).isEqualTo("study");
        assertThat(d.get("lungSlices").asInt()).isPositive().isEqualTo(d.get("slices").size());
        assertThat(d.get("slicesAveraged").asInt()).isBetween(1, d.get("lungSlices").asInt());
        assertThat(d.get("rule").asText()).contains("mean of the k highest");
        assertThat(d.get("caveat").asText()).contains("UCSD COVID-CT", "not a diagnosis");

        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("ground-glass opacity<span", "consolidation (each filled", "COVID-19 detection",
                "not a diagnosis", "<th><b>whole analysis</b></th>", "the stages' times can add up to more than the whole");

        byte[] pdf = Files.readAllBytes(out.resolve("report.pdf"));
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(3);
            PDFTextStripper firstPage = new PDFTextStripper();
            firstPage.setEndPage(1);
            assertThat(firstPage.getText(doc)).contains("Summary", "Overview");
            assertThat(doc.getPage(0).getResources().getXObjectNames())
                    .as("the overview sheet is on page 1, beside the summary").hasSize(1);
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("covseg analysis: chest", "Research software, not for clinical use.",
                    "Percentage of infection", "COVID-19 detection", "Key slices", "Per slice",
                    String.format(java.util.Locale.ROOT, "%.1f%%", poi.at("/total/any/percent").asDouble()),
                    String.format(java.util.Locale.ROOT, "probability %.2f", d.get("probability").asDouble()));
        }
    }

    @Test
    void stagesBesideEachOtherOrOneAfterAnotherGiveTheSameStudy() throws IOException {
        Path ct = PhantomFiles.write(phantom.ct(), tmp, "chest.nii.gz", NiftiDatatype.INT16);
        Scan scan = Scans.open(ct, null);
        long room = StudyAnalyzer.STAGES_BESIDE_BYTES_PER_VOXEL * phantom.ct().voxelCount();
        assertThat(StudyAnalyzer.roomForStagesBeside(List.of(phantom.ct()), room)).isTrue();
        assertThat(StudyAnalyzer.roomForStagesBeside(List.of(phantom.ct()), room - 1)).isFalse();
        AnalysedStudy beside;
        AnalysedStudy after;
        try (DetectionModel detection = DetectionModel.open(detectDir, 4)) {
            StudyAnalyzer analyzer = new StudyAnalyzer(TruthInfection.of(phantom.infection()), new LungSegmenter(),
                    new StudyAnalyzer.Settings(0.5, null)).withClasses(denseIsConsolidation(), "unused")
                    .withDetection(detection, "unused");
            beside = analyzer.analyze(scan, n -> { }, room);
            after = analyzer.analyze(scan, n -> { }, room - 1);
        }

        StudyGrid b = beside.grids().get(0);
        StudyGrid a = after.grids().get(0);
        float[] labels = b.infection().toArray();
        assertThat(labels).containsExactly(a.infection().toArray()).contains(1f, 2f);
        float[] truth = phantom.infection().toArray();
        for (int p = 0; p < labels.length; p++) {
            assertThat(labels[p] != 0).isEqualTo(truth[p] != 0);
        }
        assertThat(b.lungs().toArray()).containsExactly(a.lungs().toArray());
        assertThat(beside.severity()).isEqualTo(after.severity());
        assertThat(beside.detection()).isEqualTo(after.detection());
        assertThat(beside.detection().probability()).isBetween(0.0, 1.0);
        assertThat(beside.timingsSeconds().keySet()).containsExactlyElementsOf(after.timingsSeconds().keySet())
                .containsExactly("infection", "lungs", "classes", "detection", "severity");
    }

    /** Class maps that call consolidation whatever is denser than -300 HU, and ground glass the rest. */
    private static ClassMaps denseIsConsolidation() {
        return new ClassMaps() {
            @Override
            public ModelInfo model() {
                return TruthInfection.of(phantom.infection()).model();
            }

            @Override
            public String priorUsed() {
                return "none";
            }

            @Override
            public List<MulticlassMaps> classes(List<Volume> slices, List<float[]> infection, IntConsumer done) {
                return slices.stream().map(slice -> {
                    float[] hu = slice.toArray();
                    float[] ggo = new float[hu.length];
                    float[] consolidation = new float[hu.length];
                    for (int p = 0; p < hu.length; p++) {
                        ggo[p] = 0.5f;
                        consolidation[p] = hu[p] > -300 ? 1 : 0;
                    }
                    return new MulticlassMaps(ggo, consolidation, new float[hu.length]);
                }).toList();
            }
        };
    }

    @Test
    void withoutTheOptionalModelsTheReportSaysWhy() throws IOException {
        Path ct = PhantomFiles.write(phantom.ct(), tmp, "chest.nii.gz", NiftiDatatype.INT16);
        Path out = tmp.resolve("out");
        StudyAnalyzer analyzer = new StudyAnalyzer(TruthInfection.of(phantom.infection()), trueLungs(),
                new StudyAnalyzer.Settings(0.5, null));
        new AnalysisJob(analyzer).run(new AnalysisJob.Request(ct, out, null, "test"),
                new PrintWriter(new StringWriter()));

        JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
        assertThat(report.at("/severity/percentageOfInfection/total/groundGlass").isMissingNode()
                || report.at("/severity/percentageOfInfection/total/groundGlass").isNull()).isTrue();
        assertThat(report.get("infectionClasses").asText())
                .contains("not available — no multi-class model installed");
        assertThat(report.at("/detection/notRun").asText()).isEqualTo("no detection model installed");
        assertThat(report.at("/detection/probability").isMissingNode()).isTrue();
        assertThat(out.resolve("chest_labels.nii.gz")).doesNotExist();
        assertThat(out.resolve("report.pdf")).doesNotExist();
        assertThat(Files.readString(out.resolve("report.html"))).contains("not run: no detection model installed",
                "ground-glass / consolidation: not available");
    }
}
