package org.covseg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.covseg.data.Splits;
import org.covseg.image.MaskEdges;
import org.covseg.image.Volume;
import org.covseg.infer.InfectionSegmenter;
import org.covseg.io.SliceImageReader;
import org.covseg.model.ModelDir;
import org.covseg.semi.UnlabeledGroups;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code covseg semi} on a tiny network and phantom slices: 4 unlabeled slices in 2 rounds of 2, 1 epoch per stage.
 * The first run fails in round 2 on an unreadable slice, so the resumed run must skip round 1 and finish.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SemiCommandTest {

    @TempDir
    static Path dir;

    static Path labeled;
    static Path unlabeled;
    static Path start;
    static Path run;

    @BeforeAll
    static void trainStartModel() throws IOException {
        labeled = TinyDataset.write(dir.resolve("labeled"), 6);
        unlabeled = TinyDataset.write(dir.resolve("unlabeled"), 4).resolve("images");
        Cli train = Cli.run("train", "--data", labeled.toString(), "--out", dir.resolve("start").toString(),
                "--width", "0.1", "--size", "64", "--scales", "1", "--batch-size", "2", "--epochs", "1",
                "--val-fraction", "0.34", "--threads", "1");
        assertThat(train.exitCode()).as(train.err()).isZero();
        start = dir.resolve("start/model");
        run = dir.resolve("semi");
    }

    private static String[] semi(String... extra) {
        List<String> args = new ArrayList<>(List.of("semi", "--model", start.toString(), "--labeled",
                labeled.toString(), "--unlabeled", unlabeled.toString(), "--out", run.toString(), "--group-size", "2",
                "--round-epochs", "1", "--final-epochs", "1", "--finetune-epochs", "1", "--scales", "1",
                "--batch-size", "2", "--threads", "1"));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    /** {@link #semi} with {@code option} set to {@code value} (replaced if it is there, else added). */
    private static List<String> semiWith(String option, String value) {
        List<String> args = new ArrayList<>(List.of(semi()));
        int at = args.indexOf(option);
        if (at >= 0) {
            args.set(at + 1, value);
        } else {
            args.addAll(List.of(option, value));
        }
        return args;
    }

    private static List<String> group(int round) {
        return UnlabeledGroups.of(List.of("s0", "s1", "s2", "s3"), 2, 0, 1).get(round - 1);
    }

    @Test
    @Order(1)
    void aRunStoppedByAnUnreadableSliceInRoundTwoKeepsRoundOne() throws IOException {
        Path broken = unlabeled.resolve(group(2).get(0) + ".png");
        byte[] original = Files.readAllBytes(broken);
        Files.write(broken, new byte[] {1, 2, 3});
        Cli r = Cli.run(semi());
        Files.write(broken, original);

        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err().strip()).doesNotContain("\n").contains(broken.getFileName().toString());
        assertThat(r.out()).contains("validating on the start model's validation slices", "round 1/2");
        assertThat(run.resolve("round-1/round.json")).exists();
        assertThat(run.resolve("round-1/metrics.csv")).exists();
        assertThat(run.resolve("round-2/round.json")).doesNotExist();
        assertThat(Splits.read(run.resolve("split.json")).validation())
                .isEqualTo(Splits.read(dir.resolve("start/split.json")).validation());
    }

    @Test
    @Order(2)
    void roundOnePseudoLabelsAreTheStartModelsThresholdedPredictionAndItsMaskEdges() {
        Path pseudo = run.resolve("round-1/pseudo");
        List<Volume> images = group(1).stream().map(n -> SliceImageReader.readImage(unlabeled.resolve(n + ".png")))
                .toList();
        List<float[]> maps;
        try (InfectionSegmenter segmenter = InfectionSegmenter.open(start, 2)) {
            maps = segmenter.predict(images, done -> { });
        }
        for (int i = 0; i < images.size(); i++) {
            float[] expected = new float[maps.get(i).length];
            for (int p = 0; p < expected.length; p++) {
                expected[p] = maps.get(i)[p] > 0.5f ? 1 : 0;
            }
            String name = group(1).get(i) + ".png";
            assertThat(scaled(SliceImageReader.readImage(pseudo.resolve("GT").resolve(name)))).containsExactly(expected);
            assertThat(scaled(SliceImageReader.readImage(pseudo.resolve("Edge").resolve(name))))
                    .containsExactly(MaskEdges.of(expected, images.get(i).width(), images.get(i).height(), 1));
        }
    }

    private static float[] scaled(Volume png) {
        float[] v = png.toArray();
        for (int p = 0; p < v.length; p++) {
            v[p] /= 255;
        }
        return v;
    }

    @Test
    @Order(3)
    void resumeSkipsTheFinishedRoundAndFinishesWithAModel() throws IOException {
        Path metrics = run.resolve("round-1/metrics.csv");
        String before = Files.readString(metrics);
        FileTime touched = Files.getLastModifiedTime(metrics);

        Cli r = Cli.run(semi("--resume"));

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).doesNotContain("round 1/2").contains("round 2/2", "pseudo-training", "finetune");
        assertThat(Files.readString(metrics)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(metrics)).isEqualTo(touched);
        for (String stage : List.of("round-2", "pseudo-training", "finetune")) {
            assertThat(Files.readAllLines(run.resolve(stage).resolve("metrics.csv"))).hasSize(2);
        }
        assertThat(run.resolve("round-1/checkpoint")).doesNotExist();
        assertThat(run.resolve("round-2/checkpoint/last")).exists();
        try (Stream<Path> pngs = Files.list(run.resolve("round-2/pseudo/GT"))) {
            assertThat(pngs.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(group(2).stream().map(n -> n + ".png").toList());
        }
        assertThat(ModelDir.readSpec(run.resolve("model")).networkSize().width()).isEqualTo(0.1);
        assertThat(Files.readString(run.resolve("model/model.json"))).contains("\"semi\"", "\"rounds\" : 2",
                "\"groupSize\" : 2", "\"pseudoLabels\" : 4", "\"threshold\" : 0.5", "\"finalInit\" : \"start model\"",
                "\"meanDic\"");
    }

    @Test
    @Order(4)
    void aFinishedRunIsNotOverwrittenAndResumesOnlyWithItsPlan() {
        Cli again = Cli.run(semi());
        assertThat(again.exitCode()).isNotZero();
        assertThat(again.err().strip()).doesNotContain("\n").contains("--resume");

        List<String> otherGroups = semiWith("--group-size", "1");
        otherGroups.add("--resume");
        Cli other = Cli.run(otherGroups.toArray(String[]::new));
        assertThat(other.exitCode()).isNotZero();
        assertThat(other.err().strip()).doesNotContain("\n").contains("cannot resume");
    }

    @Test
    @Order(5)
    void excludedSlicesAreNeverPseudoLabelledAndThePlanRecordsThePatterns() throws IOException {
        List<String> args = semiWith("--exclude", "s0,s2");
        args.set(args.indexOf("--out") + 1, dir.resolve("semi-exclude").toString());

        Cli r = Cli.run(args.toArray(String[]::new));

        assertThat(r.exitCode()).as(r.err()).isZero();
        String plan = Files.readString(dir.resolve("semi-exclude/plan.json"));
        assertThat(plan).contains("\"exclude\" : [ \"s0\", \"s2\" ]", "\"groups\" : [ [ \"s1\", \"s3\" ] ]");
        assertThat(dir.resolve("semi-exclude/round-1/pseudo/GT/s0.png")).doesNotExist();
        assertThat(Files.readString(dir.resolve("semi-exclude/model/model.json")))
                .contains("\"exclude\" : [ \"s0\", \"s2\" ]");
    }

    @Test
    @Order(5)
    void rewindowReadsEachUnlabeledVolumeThroughItsEstimateAndThePlanRecordsIt() throws IOException {
        List<String> args = new ArrayList<>(List.of(semi("--rewindow")));
        args.set(args.indexOf("--out") + 1, dir.resolve("semi-rewindow").toString());

        Cli r = Cli.run(args.toArray(String[]::new));

        assertThat(r.exitCode()).as(r.err()).isZero();
        // each tiny image is a volume of its own, estimated once when it is first pseudo-labelled
        assertThat(r.out().lines().filter(l -> l.contains("(--rewindow)"))).hasSize(4)
                .anySatisfy(l -> assertThat(l).startsWith("s0: "));
        assertThat(Files.readString(dir.resolve("semi-rewindow/plan.json"))).contains("\"rewindow\" : true");
        assertThat(Files.readString(dir.resolve("semi-rewindow/model/model.json"))).contains("\"rewindow\" : true");
    }

    @Test
    @Order(6)
    void badInputsAreOneClearLine() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        String[][] cases = {
            {"--model", dir.resolve("missing").toString(), "model folder not found"},
            {"--model", labeled.toString(), "no model.json"},
            {"--unlabeled", empty.toString(), "no images"},
            {"--rounds", "3", "more than the 2 group(s)"},
            {"--group-size", "0", "--group-size must be at least 1"},
            {"--exclude", "x*", "--exclude 'x*' matches no volume of"},
            {"--exclude", "s*", "--exclude leaves no volume of"},
        };
        for (String[] c : cases) {
            List<String> args = semiWith(c[0], c[1]);
            args.set(args.indexOf("--out") + 1, dir.resolve("bad").toString());
            Cli r = Cli.run(args.toArray(String[]::new));
            assertThat(r.exitCode()).as(String.join(" ", c)).isNotZero();
            assertThat(r.err().strip()).as(String.join(" ", c)).doesNotContain("\n").contains(c[2]);
        }
        assertThat(dir.resolve("bad")).doesNotExist();
    }
}
