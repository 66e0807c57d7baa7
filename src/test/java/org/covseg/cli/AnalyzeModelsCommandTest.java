package org.covseg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.covseg.analysis.PhantomFiles;
import org.covseg.analysis.TinyModels;
import org.covseg.image.Window;
import org.covseg.io.NiftiDatatype;
import org.covseg.io.SliceImageWriter;
import org.covseg.io.SliceOrientation;
import org.covseg.phantom.Phantom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** analyze's options for the multi-class and detection models and the PDF, with tiny untrained models. */
class AnalyzeModelsCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static Path ct;
    static Path infection;
    static Path classes;
    static Path detect;

    @BeforeAll
    static void makeModelsAndScan() throws IOException {
        Phantom phantom = PhantomFiles.small();
        ct = PhantomFiles.write(phantom.ct(), dir, "chest.nii.gz", NiftiDatatype.INT16);
        infection = TinyModels.infection(dir.resolve("models/infection"));
        classes = TinyModels.multiclass(dir.resolve("models/multiclass"), infection);
        detect = TinyModels.detect(dir.resolve("models/detect"));
    }

    private static Cli analyze(Path input, Path out, String... options) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("analyze", input.toString(),
                "--out", out.toString(), "--model", infection.toString(), "--threads", "1"));
        args.addAll(java.util.List.of(options));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void allModelsAndThePdf() throws IOException {
        Path out = dir.resolve("all");
        Cli r = analyze(ct, out, "--multiclass-model", classes.toString(), "--detect-model", detect.toString(),
                "--pdf", "--threshold", "0.05");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
        assertThat(report.get("models").findValuesAsText("name"))
                .containsExactly("tiny-infection", "tiny-multiclass", "tiny-detect");
        assertThat(report.get("approximations").toString()).contains("the multi-class model's own prior");
        assertThat(report.at("/severity/percentageOfInfection/total/groundGlass/percent").isNumber()).isTrue();
        assertThat(report.at("/detection/scope").asText()).isEqualTo("study");
        assertThat(out.resolve("chest_labels.nii.gz")).exists();
        assertThat(Files.readString(out.resolve("report.pdf"), java.nio.charset.StandardCharsets.ISO_8859_1))
                .startsWith("%PDF");
        assertThat(r.out()).contains("COVID-19 detection probability");
    }

    @Test
    void noClassesAndNoDetectSkipThemAndSaySo() throws IOException {
        Path out = dir.resolve("none");
        Cli r = analyze(ct, out, "--no-classes", "--no-detect");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
        assertThat(report.get("infectionClasses").asText()).contains("switched off (--no-classes)");
        assertThat(report.at("/detection/notRun").asText()).isEqualTo("switched off (--no-detect)");
        assertThat(report.get("models").findValuesAsText("task")).containsExactly("infection");
        assertThat(out.resolve("chest_labels.nii.gz")).doesNotExist();
        assertThat(out.resolve("report.pdf")).doesNotExist();
    }

    @Test
    void aSingleImageGetsItsSliceProbability() throws IOException {
        Phantom slice = PhantomFiles.small().slice(5);
        Path image = dir.resolve("one.png");
        SliceImageWriter.writeGrey8(image, Window.LUNG.apply(slice.ct()), SliceOrientation.DISPLAY);
        Path out = dir.resolve("slice");
        Cli r = analyze(image, out, "--detect-model", detect.toString(), "--no-classes");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode d = JSON.readTree(out.resolve("report.json").toFile()).get("detection");
        assertThat(d.get("scope").asText()).isEqualTo("slice");
        assertThat(d.get("lungSlices").asInt()).isEqualTo(1);
        assertThat(d.get("probability").asDouble()).isEqualTo(d.at("/slices/0/probability").asDouble());
    }

    @Test
    void wrongOrConflictingModelsAreOneLine() {
        Cli wrongType = analyze(ct, dir.resolve("bad1"), "--multiclass-model", detect.toString());
        assertThat(wrongType.exitCode()).isNotZero();
        assertThat(wrongType.err().strip()).doesNotContain("\n").contains("task \"detect\"", "not a multi-class");
        Cli wrongDetector = analyze(ct, dir.resolve("bad2"), "--detect-model", classes.toString());
        assertThat(wrongDetector.exitCode()).isNotZero();
        assertThat(wrongDetector.err().strip()).doesNotContain("\n").contains("not a COVID-19 detection model");
        Cli both = analyze(ct, dir.resolve("bad3"), "--no-classes", "--multiclass-model", classes.toString());
        assertThat(both.exitCode()).isNotZero();
        assertThat(both.err().strip()).doesNotContain("\n").contains("exclude each other");
        assertThat(dir.resolve("bad1")).doesNotExist();
    }
}
