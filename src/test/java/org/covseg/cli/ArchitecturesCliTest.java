package org.covseg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.covseg.io.SafetensorsReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** train, segment, evaluate, pretrain and bench with the comparison architectures (U-Net, COVID-SegNet). */
class ArchitecturesCliTest {

    @TempDir
    static Path dir;

    static Path data;

    @BeforeAll
    static void makeData() throws IOException {
        data = TinyDataset.write(dir.resolve("data"), 6);
    }

    private static Cli train(String arch, Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("train", "--arch", arch, "--data", data.toString(), "--out",
                out.toString(), "--width", "0.1", "--size", "64", "--scales", "1", "--batch-size", "2",
                "--epochs", "1", "--val-fraction", "0.34", "--threads", "1"));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    private static JsonNode spec(Path model) throws IOException {
        return new ObjectMapper().readTree(model.resolve("model.json").toFile());
    }

    @ParameterizedTest
    @ValueSource(strings = {"unet", "covidsegnet"})
    void trainSegmentAndEvaluate(String arch) throws IOException {
        Path run = dir.resolve("run-" + arch);
        Cli trained = train(arch, run);
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        Path model = run.resolve("model");
        JsonNode spec = spec(model);
        assertThat(spec.get("task").asText()).isEqualTo("infection");
        assertThat(spec.get("name").asText()).isEqualTo("infection-" + arch);
        assertThat(Files.readAllLines(run.resolve("metrics.csv")).get(0)).contains("train_bce", "train_iou",
                "val_meanDic");
        if (arch.equals("unet")) {
            assertThat(spec.get("architecture").asText()).isEqualTo("UNet-bilinear");
        } else {
            assertThat(spec.get("architecture").asText()).isEqualTo("COVID-SegNet-2D-reimplementation");
            assertThat(spec.get("description").asText()).contains("re-implementation", "no code");
        }

        Path seg = dir.resolve("seg-" + arch);
        Cli segmented = Cli.run("segment", "--model", model.toString(), "--input", data.resolve("images").toString(),
                "--output", seg.toString(), "--threads", "1");
        assertThat(segmented.exitCode()).as(segmented.err()).isZero();
        assertThat(seg.resolve("s0.png")).exists();
        assertThat(seg.resolve("s0_mask.png")).exists();

        Cli evaluated = Cli.run("evaluate", "--model", model.toString(), "--data", data.toString(), "--split",
                run.resolve("split.json").toString(), "--out", dir.resolve("eval-" + arch).toString());
        assertThat(evaluated.exitCode()).as(evaluated.err()).isZero();
        assertThat(evaluated.out()).contains("on 2 slice(s)", "meanDic");
    }

    @Test
    void pretrainedUNetFineTunesOnlyAsAUNet() throws IOException {
        Path pretrain = dir.resolve("pretrain-unet");
        Cli pretrained = Cli.run("pretrain", "--arch", "unet", "--mask", "RANDOM", "--data",
                data.resolve("images").toString(), "--out", pretrain.toString(), "--width", "0.1", "--size", "64",
                "--epochs", "1", "--rounds", "0", "--batch-size", "3", "--threads", "1");
        assertThat(pretrained.exitCode()).as(pretrained.err()).isZero();
        Path model = pretrain.resolve("model");
        assertThat(spec(model).get("architecture").asText()).isEqualTo("UNet-bilinear");
        assertThat(spec(model).get("name").asText()).isEqualTo("unet-inpainting");
        assertThat(Files.readString(pretrain.resolve("inpainter/metrics.csv"))).contains("train_map", "train_erased");
        var keys = SafetensorsReader.read(model.resolve("weights.safetensors")).tensors().keySet();
        assertThat(keys).contains("inc.double_conv.0.weight", "up4.conv.double_conv.3.weight")
                .noneMatch(k -> k.startsWith("outc."));

        Cli tuned = train("unet", dir.resolve("tuned-unet"), "--init", model.toString());
        assertThat(tuned.exitCode()).as(tuned.err()).isZero();
        assertThat(tuned.out()).contains("self-supervised pre-training; the output layers start fresh");

        Cli wrong = train("infnet", dir.resolve("tuned-infnet"), "--init", model.toString());
        assertThat(wrong.exitCode()).isNotZero();
        assertThat(wrong.err().strip()).contains("UNet-bilinear", "--arch unet").doesNotContain("\n");
    }

    @Test
    void aModelOfUnknownArchitectureIsOneClearError() throws IOException {
        Path model = dir.resolve("unknown-arch");
        Files.createDirectories(model);
        ObjectNode spec = (ObjectNode) new ObjectMapper().readTree("""
                {"format": "covseg-model", "formatVersion": 1, "name": "x", "version": "1", "task": "infection",
                 "architecture": "SegNet-3D", "width": 0.1, "inputSize": 64, "mean": [0.5, 0.5, 0.5],
                 "std": [0.2, 0.2, 0.2], "window": {"level": -600, "width": 1500}, "weights": "weights.safetensors"}
                """);
        Files.writeString(model.resolve("model.json"), spec.toString());
        Cli r = Cli.run("segment", "--model", model.toString(), "--input", data.resolve("images").toString(),
                "--output", dir.resolve("seg-unknown").toString());
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err().strip()).contains("unsupported architecture \"SegNet-3D\"", "UNet-bilinear",
                "COVID-SegNet-2D-reimplementation").doesNotContain("\n");
    }

    @Test
    void unknownArchOptionIsOneLine() {
        Cli r = train("segnet", dir.resolve("never"));
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err().strip()).contains("segnet", "covidsegnet").doesNotContain("\n");
        Cli detect = Cli.run("train", "--task", "detect", "--arch", "unet", "--data", data.toString(), "--out",
                dir.resolve("never2").toString());
        assertThat(detect.err().strip()).contains("--arch does not apply to --task detect");
    }

    @Test
    void benchTimesEveryArchitecture() {
        Cli r = Cli.run("bench", "--arch", "infnet,unet,covidsegnet", "--width", "0.1", "--size", "64",
                "--repetitions", "1", "--threads", "1");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("InfNet-Res2Net50-v1b width", "UNet-bilinear width",
                "COVID-SegNet-2D-reimplementation width");
        assertThat(r.out().split("training step, batch 4", -1)).hasSize(4);
    }
}
