package org.covseg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.covseg.data.Split;
import org.covseg.data.Splits;
import org.covseg.data.UcsdCovidCtDataset;
import org.covseg.image.IntensityUnit;
import org.covseg.image.Volume;
import org.covseg.io.SliceImageWriter;
import org.covseg.io.SliceOrientation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Detection end to end on a synthetic UCSD-style folder: "COVID" images hold a bright blob, the others do not;
 * six sources per class, four images each. A tiny network must learn to tell them apart.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DetectCommandTest {

    @TempDir
    static Path dir;

    static Path data;
    static Path run;

    @BeforeAll
    static void makeData() throws IOException {
        data = dir.resolve("ucsd");
        run = dir.resolve("run");
        Random random = new Random(5);
        for (int source = 0; source < 6; source++) {
            for (int figure = 0; figure < 4; figure++) {
                write(data.resolve("CT_COVID/paper" + source + "-p" + (figure + 1) + "-" + figure + ".png"),
                        image(random, true));
                write(data.resolve("CT_NonCOVID/" + (source + 10) + "%" + figure + ".png"), image(random, false));
            }
        }
    }

    /** A 48x40 noisy grey image, with a bright disc of radius 7 somewhere for COVID. */
    private static Volume image(Random random, boolean blob) {
        int w = 48;
        int h = 40;
        int ci = 10 + random.nextInt(w - 20);
        int cj = 10 + random.nextInt(h - 20);
        float[] v = new float[w * h];
        for (int j = 0; j < h; j++) {
            for (int i = 0; i < w; i++) {
                boolean inBlob = blob && (i - ci) * (i - ci) + (j - cj) * (j - cj) <= 49;
                v[i + w * j] = inBlob ? 235 : (float) Math.max(0, Math.min(255, 70 + 20 * random.nextGaussian()));
            }
        }
        return Volume.builder(w, h, 1).voxels(v).unit(IntensityUnit.WINDOWED_8BIT).build();
    }

    private static void write(Path file, Volume image) throws IOException {
        Files.createDirectories(file.getParent());
        SliceImageWriter.writeGrey8(file, image, SliceOrientation.DISPLAY);
    }

    private static String[] train(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("train", "--task", "detect", "--data", data.toString(),
                "--out", out.toString(), "--width", "0.1", "--size", "64", "--batch-size", "8", "--epochs", "8",
                "--lr", "3e-3", "--val-fraction", "0.34", "--threads", "1"));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    @Test
    @Order(1)
    void trainingLearnsTheBlobAndSplitsBySource() throws IOException {
        Cli r = Cli.run(train(run));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("split by source");

        Split split = Splits.read(run.resolve("split.json"));
        assertThat(split.train().size() + split.validation().size()).isEqualTo(48);
        Set<String> trainSources = split.train().stream().map(DetectCommandTest::source).collect(Collectors.toSet());
        assertThat(split.validation()).isNotEmpty().extracting(DetectCommandTest::source)
                .doesNotContainAnyElementsOf(trainSources);
        assertThat(split.validation()).as("both classes held out").anyMatch(n -> n.startsWith("CT_COVID/"))
                .anyMatch(n -> n.startsWith("CT_NonCOVID/"));

        List<String> csv = Files.readAllLines(run.resolve("metrics.csv"));
        assertThat(csv.get(0)).contains("val_auc", "val_accuracy", "val_f1", "val_sensitivity", "val_specificity");
        JsonNode spec = new ObjectMapper().readTree(run.resolve("model/model.json").toFile());
        assertThat(spec.get("task").asText()).isEqualTo("detect");
        assertThat(spec.get("architecture").asText()).isEqualTo("Res2Net50-v1b-GAP-linear");
        assertThat(spec.get("validation").get("auc").isNumber()).as(String.join("\n", csv)).isTrue();
        assertThat(spec.get("validation").get("auc").asDouble()).as(String.join("\n", csv)).isGreaterThan(0.9);
    }

    private static String source(String name) {
        return name.substring(0, name.indexOf('/') + 1) + UcsdCovidCtDataset.source(name.substring(name.indexOf('/') + 1));
    }

    @Test
    @Order(2)
    void evaluateWritesTheTableAndTheRocCurveForTheHeldOutImages() throws IOException {
        Path out = dir.resolve("eval");
        Cli r = Cli.run("evaluate", "--model", run.resolve("model").toString(), "--data", data.toString(),
                "--split", run.resolve("split.json").toString(), "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("| AUC |", "| sensitivity |", "resamples of sources");
        JsonNode json = new ObjectMapper().readTree(out.resolve("detection.json").toFile());
        int held = Splits.read(run.resolve("split.json")).validation().size();
        assertThat(json.get("counts").get("images").asInt()).isEqualTo(held);
        JsonNode auc = json.get("metrics").get("auc");
        assertThat(auc.get("value").isNumber()).isTrue();
        assertThat(auc.get("value").asDouble()).isGreaterThan(0.9);
        assertThat(auc.get("ci95").get(0).asDouble()).isLessThanOrEqualTo(auc.get("value").asDouble());
        assertThat(json.get("bootstrap").get("resampling").asText()).isEqualTo("groups");
        assertThat(Files.readAllLines(out.resolve("predictions.csv"))).hasSize(held + 1);
        assertThat(Files.readString(out.resolve("detection.md"))).contains("| F1 |");
        assertThat(out.resolve("roc.png")).isNotEmptyFile();
    }

    @Test
    @Order(3)
    void aDetectionModelCannotSegment() {
        Cli r = Cli.run("segment", "--model", run.resolve("model").toString(), "--input",
                data.resolve("CT_COVID").toString(), "--output", dir.resolve("seg").toString());
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err().strip()).doesNotContain("\n").contains("detection model", "cannot segment");
    }

    @Test
    @Order(4)
    void badOptionsAndDataAreOneLineErrors() {
        Cli scales = Cli.run(train(dir.resolve("other"), "--scales", "1"));
        assertThat(scales.exitCode()).isNotZero();
        assertThat(scales.err().strip()).doesNotContain("\n").contains("--scales does not apply to --task detect");

        Cli notUcsd = Cli.run("train", "--task", "detect", "--data", data.resolve("CT_COVID").toString(), "--out",
                dir.resolve("other").toString());
        assertThat(notUcsd.exitCode()).isNotZero();
        assertThat(notUcsd.err().strip()).doesNotContain("\n").startsWith("covseg: ");

        Cli noInit = Cli.run(train(dir.resolve("other2"), "--init", dir.resolve("missing").toString()));
        assertThat(noInit.exitCode()).isNotZero();
        assertThat(noInit.err().strip()).doesNotContain("\n").contains("--init");
    }
}
