package org.covseg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.covseg.io.SafetensorsReader;
import org.covseg.nn.InfNet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** Pre-training with the coach on phantom slices, then fine-tuning from it. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PretrainCommandTest {

    @TempDir
    static Path dir;

    static Path data;
    static Path run;

    @BeforeAll
    static void makeData() throws IOException {
        data = TinyDataset.write(dir.resolve("data"), 6);
        run = dir.resolve("pretrain");
    }

    private static String[] pretrain(int rounds, String... extra) {
        List<String> args = new ArrayList<>(List.of("pretrain", "--data", data.resolve("images").toString(),
                "--out", run.toString(), "--width", "0.1", "--size", "64", "--epochs", "1", "--rounds",
                Integer.toString(rounds), "--inpaint-epochs", "1", "--batch-size", "3", "--coach-width", "0.125",
                "--threads", "1"));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    @Test
    @Order(1)
    void coachRoundsWriteMetricsSheetsAndAModelWithoutOutputLayers() throws IOException {
        Cli r = Cli.run(pretrain(1));
        assertThat(r.exitCode()).as(r.err()).isZero();
        for (String phase : List.of("round-0-inpainter", "round-1-coach", "round-1-inpainter")) {
            assertThat(Files.readAllLines(run.resolve(phase).resolve("metrics.csv"))).hasSize(2);
            assertThat(run.resolve("sheets").resolve(phase + "-epoch-1.png")).exists();
        }
        assertThat(Files.readString(run.resolve("round-1-coach/metrics.csv"))).contains("inpainterError", "kl");
        assertThat(Files.readString(run.resolve("model/model.json")))
                .contains("\"task\" : \"inpainting-pretrained\"", "\"maskMode\" : \"coach\"");
        assertThat(run.resolve("coach.safetensors")).exists();
        var keys = SafetensorsReader.read(run.resolve("model/weights.safetensors")).tensors().keySet();
        assertThat(keys).contains("resnet.conv1.0.weight", "ra2_conv3.conv.weight", "edge_conv3.conv.weight");
        for (String layer : InfNet.OUTPUT_LAYERS) {
            assertThat(keys).noneMatch(k -> k.startsWith(layer + "."));
        }
    }

    @Test
    @Order(2)
    void anotherStartRefusesAndResumeRunsOnlyTheNewRound() throws IOException {
        Cli again = Cli.run(pretrain(1));
        assertThat(again.exitCode()).isNotZero();
        assertThat(again.err()).contains("--resume");
        Cli resumed = Cli.run(pretrain(2, "--resume"));
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("round-1-coach: already done", "round-2-coach: 1 epochs");
        assertThat(Files.readAllLines(run.resolve("round-2-inpainter/metrics.csv"))).hasSize(2);
    }

    @Test
    @Order(3)
    void fineTuningStartsFromThePretrainedNetwork() {
        Path tuned = dir.resolve("tuned");
        Cli r = Cli.run("train", "--data", data.toString(), "--out", tuned.toString(), "--width", "0.1", "--size",
                "64", "--scales", "1", "--batch-size", "2", "--epochs", "1", "--val-fraction", "0.34",
                "--threads", "1", "--init", run.resolve("model").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("self-supervised pre-training; the output layers start fresh");
    }

    @Test
    @Order(3)
    void aPretrainedNetworkIsNotASegmentationModel() throws IOException {
        Cli r = Cli.run("segment", "--model", run.resolve("model").toString(), "--input",
                data.resolve("images").toString(), "--output", dir.resolve("seg").toString());
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err().strip()).contains("pre-trained", "covseg train --arch infnet --init").doesNotContain("\n");
        assertThat(dir.resolve("seg")).doesNotExist();
    }

    @Test
    @Order(3)
    void cutoutAndRandomMasksTrainOneInpainterPhase() throws IOException {
        for (String mode : List.of("RANDOM", "CUTOUT")) {
            Path out = dir.resolve("pretrain-" + mode);
            Cli r = Cli.run("pretrain", "--data", data.resolve("images").toString(), "--out", out.toString(),
                    "--mask", mode, "--width", "0.1", "--size", "64", "--epochs", "1", "--rounds", "1",
                    "--inpaint-epochs", "1", "--batch-size", "3", "--threads", "1");
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(Files.readAllLines(out.resolve("inpainter/metrics.csv"))).hasSize(3);
            assertThat(out.resolve("coach.safetensors")).doesNotExist();
            assertThat(Files.readString(out.resolve("model/model.json"))).contains("\"rewindow\" : false");
        }
    }

    /** Each image group (here every image) is re-windowed on its own estimate, and the model records it. */
    @Test
    @Order(3)
    void rewindowReWindowsEachVolumeAndIsRecorded() throws IOException {
        Path out = dir.resolve("pretrain-rewindow");
        Cli r = Cli.run("pretrain", "--data", data.resolve("images").toString(), "--out", out.toString(),
                "--mask", "CUTOUT", "--width", "0.1", "--size", "64", "--epochs", "1", "--rounds", "0",
                "--batch-size", "3", "--threads", "1", "--rewindow");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().lines().filter(l -> l.contains(": re-windowed (--rewindow): the lung and soft-tissue grey"
                + " peaks of the image"))).hasSize(6);
        assertThat(Files.readString(out.resolve("model/model.json"))).contains("\"rewindow\" : true");
    }

    @Test
    void badInputsGetOneLine() {
        Cli missing = Cli.run("pretrain", "--data", dir.resolve("nope").toString(), "--out",
                dir.resolve("x").toString());
        assertThat(missing.exitCode()).isNotZero();
        assertThat(missing.err().strip()).contains("nope").doesNotContain("\n");
        Cli keep = Cli.run("pretrain", "--data", data.resolve("images").toString(), "--out",
                dir.resolve("y").toString(), "--keep", "1.5");
        assertThat(keep.exitCode()).isNotZero();
        assertThat(keep.err().strip()).contains("--keep").doesNotContain("\n");
    }
}
