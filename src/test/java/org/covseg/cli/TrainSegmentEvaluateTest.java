package org.covseg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.covseg.engine.Numerics;
import org.covseg.image.IntensityUnit;
import org.covseg.image.Volume;
import org.covseg.io.NiftiDatatype;
import org.covseg.io.NiftiReader;
import org.covseg.io.NiftiWriter;
import org.covseg.io.SliceImageReader;
import org.covseg.phantom.Phantom;
import org.covseg.phantom.PhantomConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** The training → model → segmentation → evaluation path on a tiny network and phantom slices. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrainSegmentEvaluateTest {

    @TempDir
    static Path dir;

    static Path data;
    static Path run;

    @BeforeAll
    static void makeData() throws IOException {
        data = TinyDataset.write(dir.resolve("data"), 6);
        run = dir.resolve("run");
    }

    private static String[] train(int epochs, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("train", "--data", data.toString(), "--out",
                run.toString(), "--width", "0.1", "--size", "64", "--scales", "1", "--batch-size", "2",
                "--epochs", Integer.toString(epochs), "--val-fraction", "0.34", "--threads", "1"));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    @Test
    @Order(1)
    void trainWritesMetricsChartCheckpointsAndModel() throws IOException {
        Cli r = Cli.run(train(2));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(run.resolve("loss.png")).exists();
        assertThat(run.resolve("split.json")).exists();
        assertThat(run.resolve("model/model.json")).exists();
        assertThat(run.resolve("model/weights.safetensors")).exists();
        List<String> csv = Files.readAllLines(run.resolve("metrics.csv"));
        assertThat(csv).hasSize(3);
        assertThat(csv.get(0)).contains("train_loss", "val_loss", "val_meanDic", "val_dice", "rss_mb");
        assertThat(Files.readString(run.resolve("model/model.json")))
                .contains("\"task\" : \"infection\"", "\"width\" : 0.1", "\"weightsSha256\"", "\"meanDic\"",
                        "\"numerics\" : \"" + Numerics.ensure() + "\"",
                        "\"measuredAt\" : \"the run's validation images at the network's input size");
    }

    @Test
    @Order(2)
    void secondStartRefusesToOverwriteAndResumeExtendsTheRun() throws IOException {
        Cli again = Cli.run(train(2));
        assertThat(again.exitCode()).isNotZero();
        assertThat(again.err()).contains("--resume");
        Cli resumed = Cli.run(train(3, "--resume"));
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(Files.readAllLines(run.resolve("metrics.csv"))).hasSize(4);
    }

    @Test
    @Order(3)
    void segmentWritesMapsAtTheInputSizeForSlicesAndVolumes() {
        Path out = dir.resolve("seg");
        Cli r = Cli.run("segment", "--model", run.resolve("model").toString(), "--input",
                data.resolve("images").toString(), "--output", out.toString(), "--threads", "1");
        assertThat(r.exitCode()).as(r.err()).isZero();
        Volume map = SliceImageReader.readImage(out.resolve("s0.png"));
        assertThat(map.width()).isEqualTo(64);
        assertThat(out.resolve("s0_mask.png")).exists();

        Phantom volume = Phantom.generate(PhantomConfig.builder().grid(64, 4, 6.0, 8.0).build());
        Path nifti = dir.resolve("ct.nii.gz");
        NiftiWriter.write(volume.ct(), nifti, NiftiDatatype.INT16);
        // the input as analyze takes it, <input> --out; the older --input/--output (above) still work
        Cli v = Cli.run("segment", nifti.toString(), "--out", out.toString(), "--model",
                run.resolve("model").toString(), "--threads", "1");
        assertThat(v.exitCode()).as(v.err()).isZero();
        Cli twice = Cli.run("segment", nifti.toString(), "--input", nifti.toString(), "--out", out.toString());
        assertThat(twice.exitCode()).isEqualTo(2);
        assertThat(twice.err().strip()).doesNotContain("\n")
                .startsWith("covseg: give the input once: as <input> or as --input");
        Cli none = Cli.run("segment", "--out", out.toString());
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("Missing required parameter: '<input>'");
        Volume prob = NiftiReader.read(out.resolve("ct_infection.nii.gz"), IntensityUnit.PROBABILITY);
        assertThat(prob.affine()).isEqualTo(NiftiReader.read(nifti, IntensityUnit.HU).affine());
        assertThat(prob.depth()).isEqualTo(4);
        float[] range = prob.range();
        assertThat(range[0]).isGreaterThanOrEqualTo(0f);
        assertThat(range[1]).isLessThanOrEqualTo(1f);
        assertThat(out.resolve("ct_infection_mask.nii.gz")).exists();
    }

    @Test
    @Order(4)
    void evaluateRunsTheModelOnTheValidationSplit() {
        Path out = dir.resolve("eval");
        Cli r = Cli.run("evaluate", "--model", run.resolve("model").toString(), "--data", data.toString(),
                "--split", run.resolve("split.json").toString(), "--out", out.toString(), "--threads", "1");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("on 2 slice(s)", "meanDic");
        assertThat(out.resolve("metrics.json")).exists();
        assertThat(out.resolve("gallery.png")).exists();

        Cli none = Cli.run("evaluate", "--model", run.resolve("model").toString(), "--data", data.toString(),
                "--out", dir.resolve("eval-0").toString(), "--threads", "0");
        assertThat(none.exitCode()).isNotZero();
        assertThat(none.err()).contains("--threads must be at least 1, got 0");
        assertThat(dir.resolve("eval-0")).doesNotExist();
    }

    @Test
    @Order(4)
    void anEnsembleOfTheModelRunsLikeTheModelInSegmentAndEvaluate() throws IOException {
        Path ensemble = dir.resolve("ensemble");
        Cli made = Cli.run("ensemble", run.resolve("model").toString(), run.resolve("model").toString(), "--out",
                ensemble.toString(), "--name", "twice");
        assertThat(made.exitCode()).as(made.err()).isZero();
        assertThat(made.out()).isEqualTo("wrote model \"twice\" version 1, an ensemble of 2 models, to " + ensemble
                + System.lineSeparator());
        assertThat(Files.readString(ensemble.resolve("model.json"))).contains("\"members\" : [ \"member-1\","
                + " \"member-2\" ]", "\"command\" : \"covseg ensemble ");
        Path single = dir.resolve("seg-single");
        Path twice = dir.resolve("seg-ensemble");
        for (Path[] p : new Path[][] {{run.resolve("model"), single}, {ensemble, twice}}) {
            Cli r = Cli.run("segment", data.resolve("images").toString(), "--model", p[0].toString(), "--out",
                    p[1].toString(), "--threads", "1");
            assertThat(r.exitCode()).as(r.err()).isZero();
        }
        assertThat(Files.readAllBytes(twice.resolve("s0.png"))).as("the mean of two equal maps is the map")
                .isEqualTo(Files.readAllBytes(single.resolve("s0.png")));
        Cli evaluated = Cli.run("evaluate", "--model", ensemble.toString(), "--data", data.toString(), "--split",
                run.resolve("split.json").toString(), "--out", dir.resolve("eval-ensemble").toString(),
                "--threads", "1");
        assertThat(evaluated.exitCode()).as(evaluated.err()).isZero();

        Cli again = Cli.run("ensemble", run.resolve("model").toString(), "--out", ensemble.toString());
        assertThat(again.exitCode()).isNotZero();
        assertThat(again.err().strip()).isEqualTo("covseg: " + ensemble
                + " already exists; an ensemble is written into a new folder");
        Cli init = Cli.run("train", "--data", data.toString(), "--out", dir.resolve("run-init").toString(),
                "--width", "0.1", "--size", "64", "--epochs", "1", "--init", ensemble.toString());
        assertThat(init.exitCode()).isNotZero();
        assertThat(init.err().strip()).doesNotContain("\n").contains("is an ensemble of 2 models and has no weights"
                + " of its own; give one of its members here");
    }

    @Test
    @Order(4)
    void segmentAndAnalyzeMakeTheSameMaskOfAnImageOfTheBody() throws IOException {
        Path image = data.resolve("images/s2.png");
        Cli segmented = Cli.run("segment", image.toString(), "--model", run.resolve("model").toString(), "--out",
                dir.resolve("one-path/segment").toString(), "--threads", "1");
        Cli analysed = Cli.run("analyze", image.toString(), "--model", run.resolve("model").toString(), "--out",
                dir.resolve("one-path/analyze").toString(), "--threads", "1", "--no-classes", "--no-detect");
        assertThat(segmented.exitCode()).as(segmented.err()).isZero();
        assertThat(analysed.exitCode()).as(analysed.err()).isZero();
        for (String file : List.of("s2.png", "s2_mask.png")) {
            assertThat(Files.readAllBytes(dir.resolve("one-path/segment").resolve(file))).as(file)
                    .isEqualTo(Files.readAllBytes(dir.resolve("one-path/analyze").resolve(file)));
        }
    }

    @Test
    @Order(5)
    void aCorruptModelIsOneClearError() throws IOException {
        Path bad = dir.resolve("bad-model");
        Files.createDirectories(bad);
        Files.copy(run.resolve("model/model.json"), bad.resolve("model.json"));
        Files.write(bad.resolve("weights.safetensors"), new byte[] {1, 2, 3});
        Cli r = Cli.run("segment", "--model", bad.toString(), "--input", data.resolve("images").toString(),
                "--output", dir.resolve("seg-bad").toString());
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err().strip()).doesNotContain("\n").contains("corrupt");
        assertThat(dir.resolve("seg-bad")).doesNotExist();

        Files.writeString(bad.resolve("model.json"), "{ not json");
        Cli json = Cli.run("segment", "--model", bad.toString(), "--input", data.resolve("images").toString(),
                "--output", dir.resolve("seg-bad").toString());
        assertThat(json.err().strip()).doesNotContain("\n").contains("not valid model JSON");
    }

    @Test
    @Order(6)
    void benchPrintsItsTable() throws IOException {
        Path peer = dir.resolve("peer.json");
        Files.writeString(peer, "{\"infer_ms_per_image_b1\": 303.0, \"infer_ms_per_image_b4\": 247.0, "
                + "\"train_ms_per_image_b4\": 489.0, \"params\": 33122441, \"threads\": 2}\n");
        Cli r = Cli.run("bench", "--width", "0.1", "--size", "64", "--repetitions", "1", "--threads", "1",
                "--peer", peer.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("inference, batch 4 (ms/slice)", "training step, batch 4 (ms/image)",
                "peak resident memory (MB)", "numerics mode (engine self-check)",
                "no ratios: the peer figures are for Inf-Net width 1.0 at 352 px");
    }

    @Test
    @Order(7)
    void analyzeWritesTheReportWithTheRealLungSegmenter() throws IOException {
        Path nifti = dir.resolve("ct.nii.gz");
        Path out = dir.resolve("analysis");
        Cli r = Cli.run("analyze", nifti.toString(), "--out", out.toString(), "--model",
                run.resolve("model").toString(), "--threads", "1");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Files.readString(out.resolve("report.json"))).contains("\"schemaVersion\"", "percentageOfInfection");
        assertThat(Files.readString(out.resolve("report.html"))).contains("not for clinical use");
    }
}
