package org.covseg.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.covseg.evaluation.TestMaps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code covseg evaluate} on hand-made masks whose protocol values follow from the definitions (reference.md §3).
 * Images: "a" is 20x10 with the ground truth [0, 6) x [0, 4) (G = 24, N = 200); "b" is 16x12 with [3, 11) x [2, 9)
 * (G = 56, N = 192).
 */
class EvaluateCommandTest {

    private static final double TOL = 1e-12;
    private static final String CSV_HEADER = "name,meanDic,meanSen,meanSpe,Sm,meanEm,MAE,dice,iou,precision,recall,"
            + "hd95,gtPixels,predictedPixels";

    @TempDir
    Path dir;

    private final float[] truthA = TestMaps.rectangle(20, 10, 0, 0, 6, 4, 255);
    private final float[] truthB = TestMaps.rectangle(16, 12, 3, 2, 11, 9, 255);

    /**
     * A perfect 0/255 map: at every threshold t > 0 the binary map is G (Dice = Sen = Spe = 1, E-measure N/(N-1));
     * at the last threshold t = 0 every pixel passes, so Dice = 2G/(G+N), Sen = 1, Spe = 0 (TN = 0) and the
     * E-measure's φ is 0 everywhere (F − mean F = 0), giving (1/4)·N/(N−1). Hence meanDic is not 1.
     */
    @Test
    void groundTruthAgainstItself() throws IOException {
        Path gt = dir.resolve("gt");
        grey(gt, "a.png", truthA, 20, 10);
        grey(gt, "b.png", truthB, 16, 12);
        Path out = dir.resolve("out");

        Cli r = evaluate(gt, gt, out);

        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        JsonNode s = summary(out, 0);
        double diceA = (255 + 2 * 24 / 224.0) / 256;
        double diceB = (255 + 2 * 56 / 248.0) / 256;
        assertProtocol(s, (diceA + diceB) / 2, 1, 255 / 256.0, 255.25 / 256 * (200 / 199.0 + 192 / 191.0) / 2, 0);
        // S-measure: every block's Q = 4μ²σ² / (4μ²σ² + eps), 1 up to ~eps / 4μ²σ².
        assertThat(s.get("Sm").asDouble()).isCloseTo(1, within(1e-9));
        assertThat(s.get("dice").asDouble()).isEqualTo(1);
        assertThat(s.get("iou").asDouble()).isEqualTo(1);
        assertThat(s.get("hd95").asDouble()).isZero();
        assertThat(s.get("maxDic").asDouble()).isEqualTo(1);
        assertThat(r.out()).contains("evaluated 2 prediction/ground-truth pair(s)\n")
                .contains("class          images  meanDic  meanSen  meanSpe     Sm  meanEm    MAE  Dice@0.5  IoU@0.5"
                        + "  HD95(px)\n")
                .contains("infection           2    0.997    1.000    0.996  1.000   1.002  0.000     1.000    1.000"
                        + "      0.00\n")
                .contains("infection: meanDic 0.997, 95 % bootstrap interval 0.997–0.998 over 2 images (percentile,"
                        + " 2000 resamples, seed 1)\n");
        // Two images: the resampled means are diceA, their midpoint or diceB (1/4, 1/2, 1/4), so the 2.5 % and
        // 97.5 % quantiles are diceA and diceB.
        JsonNode json = json(out);
        assertThat(json.at("/classes/0/intervals/meanDic/lower").asDouble()).isCloseTo(diceA, within(TOL));
        assertThat(json.at("/classes/0/intervals/meanDic/upper").asDouble()).isCloseTo(diceB, within(TOL));
        assertThat(json.at("/classes/0/intervals/meanDicWithTruth/lower").asDouble()).isCloseTo(diceA, within(TOL));
        assertThat(json.at("/classes/0/intervals/meanDicWithTruth/upper").asDouble()).isCloseTo(diceB, within(TOL));
        assertThat(json.at("/bootstrap/method").asText()).isEqualTo("percentile");
        assertThat(json.at("/bootstrap/resampling").asText()).isEqualTo("images");
        assertThat(json.at("/bootstrap/resamples").asInt()).isEqualTo(2000);
        assertThat(json.at("/bootstrap/seed").asLong()).isEqualTo(1);
        assertThat(json.at("/bootstrap/level").asDouble()).isEqualTo(0.95);

        List<String> csv = Files.readAllLines(out.resolve("per_image.csv"));
        assertThat(csv).hasSize(3);
        assertThat(csv.get(0)).isEqualTo(CSV_HEADER);
        assertThat(csv.get(1)).startsWith(String.format(Locale.ROOT, "a,%.6f,1.000000,0.996094,", diceA))
                .endsWith(",1.000000,1.000000,1.000000,1.000000,0.000000,24,24");
    }

    /**
     * An all-zero map: at every threshold t > 0 nothing is predicted (TP = 0: Dice = Sen = Spe = 0); at t = 0
     * everything is (Dice 2G/(G+N), Sen 1, Spe 0). E-measure: F is constant at every threshold, φ = 0, so
     * (1/4)·N/(N−1). S-measure: S_object = (1 − u)·1 with u = G/N = .12; the ground truth's centroid (3.5, 2.5)
     * rounds to (4, 3), so the top-left block (4x3 pixels, weight 12/200) lies inside G and scores 1, the other blocks
     * are mixed and score 0: Sm = .5·.88 + .5·.06 = .47. MAE = G/N. Dice and IoU at .5 are 0; HD95 is undefined.
     */
    @Test
    void blankPrediction() throws IOException {
        Cli r = evaluateA(new float[200], 20, 10);
        Path out = dir.resolve("out");

        assertThat(r.exitCode()).isZero();
        JsonNode s = summary(out, 0);
        assertProtocol(s, 48 / 224.0 / 256, 1 / 256.0, 0, 0.25 * 200 / 199, 0.12);
        assertThat(s.get("Sm").asDouble()).isCloseTo(0.47, within(TOL));
        assertThat(s.get("dice").asDouble()).isZero();
        assertThat(s.get("iou").asDouble()).isZero();
        assertThat(s.get("hd95").isNull()).isTrue();
        assertThat(s.get("hd95Undefined").asInt()).isEqualTo(1);
        assertThat(r.out()).contains("    0.000    0.000       n/a\n")
                .contains("infection: HD95 averages the 0 of 1 images where neither mask is empty");
        assertThat(Files.readAllLines(out.resolve("per_image.csv")).get(1))
                .endsWith(",0.000000,0.000000,0.000000,0.000000,,24,0");
    }

    @Test
    void aPredictionOfAnotherSizeIsResizedToItsGroundTruth() throws IOException {
        // Twice the size, each pixel doubled: bilinear halving (align_corners=false) averages pixel pairs, which
        // gives back the ground truth exactly, so the scores equal those of the ground truth against itself.
        Cli r = evaluateA(TestMaps.enlarge(truthA, 20, 10, 2), 40, 20);
        Path out = dir.resolve("out");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("evaluated 1 prediction/ground-truth pair(s); 1 prediction(s) resized to their"
                + " ground truth's size");
        JsonNode json = json(out);
        assertThat(json.at("/counts/resized").asInt()).isEqualTo(1);
        assertThat(json.at("/classes/0/summary/meanDic").asDouble())
                .isCloseTo((255 + 2 * 24 / 224.0) / 256, within(TOL));
        assertThat(json.at("/classes/0/summary/dice").asDouble()).isEqualTo(1);
    }

    @Test
    void filesWithoutPartnerAreReportedAndSkipped() throws IOException {
        Path gt = dir.resolve("gt");
        Path pred = dir.resolve("pred");
        grey(gt, "a.png", truthA, 20, 10);
        grey(gt, "lonely_gt.png", truthA, 20, 10);
        grey(pred, "a.png", truthA, 20, 10);
        grey(pred, "lonely_pred.png", truthA, 20, 10);

        Cli r = Cli.run("evaluate", "--pred", pred.toString(), "--gt", gt.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(r.err().lines().toList()).containsExactly(
                "covseg: warning: 1 prediction(s) in " + pred + " have no ground truth in " + gt
                        + " and are not evaluated: lonely_pred",
                "covseg: warning: 1 ground truth(s) in " + gt + " have no prediction in " + pred
                        + " and are not evaluated; missing: lonely_gt");
        Path defaultOut = dir.resolve("pred-evaluation");
        assertThat(r.out()).contains("evaluated 1 prediction/ground-truth pair(s)").contains("wrote " + defaultOut);
        JsonNode json = json(defaultOut);
        assertThat(json.at("/counts/pairs").asInt()).isEqualTo(1);
        assertThat(json.at("/notEvaluated/predictionsWithoutTruth/0").asText()).isEqualTo("lonely_pred");
        assertThat(json.at("/notEvaluated/truthWithoutPrediction/0").asText()).isEqualTo("lonely_gt");
    }

    @Test
    void everyTruthEmptyIsSaid() throws IOException {
        Path gt = dir.resolve("gt");
        Path pred = dir.resolve("pred");
        grey(gt, "a.png", new float[20 * 10], 20, 10);
        grey(gt, "b.png", new float[20 * 10], 20, 10);
        grey(pred, "a.png", truthA, 20, 10);
        grey(pred, "b.png", truthA, 20, 10);

        Cli r = Cli.run("evaluate", "--pred", pred.toString(), "--gt", gt.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(r.err().lines().toList()).containsExactly("covseg: warning: every ground-truth mask is empty, so"
                + " Dice and sensitivity can only be 0: check that --gt holds the masks you meant (a 0/1/2 label map"
                + " is read with --classes --labels)");
        assertThat(r.out()).contains("evaluated 2 prediction/ground-truth pair(s)");
    }

    @Test
    void strictMakesAMissingPartnerAnErrorAndWritesNothing() throws IOException {
        Path gt = dir.resolve("gt");
        Path pred = dir.resolve("pred");
        grey(gt, "a.png", truthA, 20, 10);
        grey(pred, "a.png", truthA, 20, 10);
        grey(pred, "b.png", truthA, 20, 10);
        assertFailsCleanly(List.of("evaluate", "--strict", "--pred", pred.toString(), "--gt", gt.toString()),
                "have no ground truth", "b", "--strict");
    }

    @Test
    void missingEmptyAndUnmatchedFoldersAreOneLineErrors() throws IOException {
        Path gt = dir.resolve("gt");
        grey(gt, "a.png", truthA, 20, 10);
        Path empty = folder("empty");
        Path other = folder("other");
        grey(other, "zzz.png", truthA, 20, 10);
        assertFailsCleanly(List.of("evaluate", "--pred", dir.resolve("nope").toString(), "--gt", gt.toString()),
                "folder not found", "nope");
        assertFailsCleanly(List.of("evaluate", "--pred", empty.toString(), "--gt", gt.toString()),
                "no images", "empty");
        assertFailsCleanly(List.of("evaluate", "--pred", other.toString(), "--gt", gt.toString()),
                "no prediction in", "zzz");
        assertFailsCleanly(List.of("evaluate", "--pred", gt.toString(), "--gt", gt.toString(), "--images",
                empty.toString()), "no images", "empty");
        assertFailsCleanly(List.of("evaluate", "--pred", gt.toString(), "--gt", gt.toString(), "--out",
                gt.toString()), "is the prediction or ground-truth folder");
    }

    @Test
    void anUnreadableImageIsAOneLineErrorAndWritesNothing() throws IOException {
        Path gt = dir.resolve("gt");
        Path pred = dir.resolve("pred");
        grey(gt, "a.png", truthA, 20, 10);
        grey(pred, "a.png", truthA, 20, 10);
        Files.writeString(gt.resolve("b.png"), "not a png");
        grey(pred, "b.png", truthA, 20, 10);
        assertFailsCleanly(List.of("evaluate", "--pred", pred.toString(), "--gt", gt.toString()), "b.png");
    }

    /**
     * Slice "a" (20x10) as a label map with ground-glass in [0, 6) x [0, 4) and consolidation in [10, 16) x [5, 9)
     * (G = 24 of N = 200 each), and its two class maps predicting both exactly; returns the ground-glass mask.
     */
    private float[] bothClassesExactly(Path gt, Path pred) throws IOException {
        float[] ggo = TestMaps.rectangle(20, 10, 0, 0, 6, 4, 1);
        float[] consolidation = TestMaps.rectangle(20, 10, 10, 5, 16, 9, 1);
        float[] labels = new float[200];
        for (int p = 0; p < 200; p++) {
            labels[p] = ggo[p] + 2 * consolidation[p];
        }
        TestMaps.writeLabels(gt.resolve("a.png"), labels, 20, 10);
        grey(pred, "a_ggo.png", scaled(ggo), 20, 10);
        grey(pred, "a_consolidation.png", scaled(consolidation), 20, 10);
        return ggo;
    }

    @Test
    void classesOnAPaletteLabelMap() throws IOException {
        // Both classes of "a" predicted exactly, so each class scores as a perfect map does.
        Path gt = folder("gt");
        Path pred = dir.resolve("pred");
        Path images = dir.resolve("imgs");
        bothClassesExactly(gt, pred);
        grey(images, "other.png", new float[200], 20, 10);
        Path out = dir.resolve("out");

        Cli r = evaluate(pred, gt, out, "--classes", "--images", images.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).contains("no image named a in " + images).hasLineCount(1);
        assertThat(r.out().lines().filter(l -> l.startsWith("ggo ") || l.startsWith("consolidation ")))
                .containsExactly(
                        "ggo                 1    0.997    1.000    0.996  1.000   1.002  0.000     1.000    1.000"
                                + "      0.00",
                        "consolidation       1    0.997    1.000    0.996  1.000   1.002  0.000     1.000    1.000"
                                + "      0.00");
        assertThat(r.out()).contains("ggo: meanDic 0.997, 95 % bootstrap interval 0.997–0.997 over 1 images",
                "consolidation: meanDic 0.997, 95 % bootstrap interval 0.997–0.997 over 1 images");
        JsonNode json = json(out);
        assertThat(json.at("/mode").asText()).isEqualTo("classes");
        assertThat(json.at("/inputs/groundTruthLayout").asText()).startsWith("label maps");
        assertThat(json.at("/classes/1/class").asText()).isEqualTo("consolidation");
        assertThat(json.at("/classes/1/summary/meanDic").asDouble())
                .isCloseTo((255 + 2 * 24 / 224.0) / 256, within(TOL));
        List<String> csv = Files.readAllLines(out.resolve("per_image.csv"));
        assertThat(csv.get(0)).isEqualTo("class," + CSV_HEADER);
        assertThat(csv).hasSize(3);
        assertThat(csv.get(1)).startsWith("ggo,a,");
        assertThat(csv.get(2)).startsWith("consolidation,a,").endsWith(",24,24");
        for (String file : List.of("gallery_ggo.png", "dice_ggo.png", "gallery_consolidation.png",
                "dice_consolidation.png")) {
            assertThat(ImageIO.read(out.resolve(file).toFile())).as(file).isNotNull();
        }
    }

    /**
     * With --labels each class of a_labels.png is the prediction, a 0/255 map: ground-glass exactly (as a perfect
     * map), consolidation on the upper half of its truth, [10, 16) x [5, 7): 12 of 24 pixels, so Dice 2·12/36 = 2/3
     * at every threshold t > 0 and 2·24/224 at t = 0. The class maps beside it are not looked at.
     */
    @Test
    void labelsScoreEachClassOfTheLabelMaps() throws IOException {
        Path gt = folder("gt");
        Path pred = dir.resolve("pred");
        float[] ggo = bothClassesExactly(gt, pred);
        float[] labels = ggo.clone();
        float[] upperHalf = TestMaps.rectangle(20, 10, 10, 5, 16, 7, 2);
        for (int p = 0; p < 200; p++) {
            labels[p] += upperHalf[p];
        }
        TestMaps.writeLabels(pred.resolve("a_labels.png"), labels, 20, 10);
        Path out = dir.resolve("out");

        Cli r = evaluate(pred, gt, out, "--classes", "--labels");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        JsonNode json = json(out);
        assertThat(json.at("/mode").asText()).isEqualTo("class labels");
        assertThat(json.at("/classes/0/summary/meanDic").asDouble())
                .isCloseTo((255 + 2 * 24 / 224.0) / 256, within(TOL));
        assertThat(json.at("/classes/1/summary/meanDic").asDouble())
                .isCloseTo((255 * 2 / 3.0 + 2 * 24 / 224.0) / 256, within(TOL));
        assertThat(json.at("/classes/1/summary/dice").asDouble()).isCloseTo(2 / 3.0, within(TOL));
    }

    @Test
    void labelsWithoutClassesIsAOneLineError() throws IOException {
        Path gt = dir.resolve("gt");
        grey(gt, "a.png", truthA, 20, 10);
        assertFailsCleanly(List.of("evaluate", "--pred", gt.toString(), "--gt", gt.toString(), "--labels"),
                "--labels scores label maps per class; give it with --classes");
    }

    @Test
    void aClassMissingFromAnImageIsAlsoReadWithoutThatImage() throws IOException {
        // "a" holds both classes, each predicted exactly; "b" only ground-glass, and nothing is predicted as
        // consolidation there: the protocol scores b's consolidation 0, so the class's meanDic halves.
        Path gt = folder("gt");
        Path pred = dir.resolve("pred");
        float[] ggo = bothClassesExactly(gt, pred);
        TestMaps.writeLabels(gt.resolve("b.png"), ggo, 20, 10);
        grey(pred, "b_ggo.png", scaled(ggo), 20, 10);
        grey(pred, "b_consolidation.png", new float[200], 20, 10);
        Path out = dir.resolve("out");

        Cli r = evaluate(pred, gt, out, "--classes");

        assertThat(r.exitCode()).as(r.err()).isZero();
        double perfect = (255 + 2 * 24 / 224.0) / 256;
        // Consolidation's per-image meanDic: perfect and 0, so the interval over both images is [0, perfect] (see
        // groundTruthAgainstItself); over the one image with truth it is that image's value.
        assertThat(r.out()).contains("consolidation: 1 of 2 images have an empty truth, which the protocol scores 0"
                + " whatever the prediction; meanDic over the other 1: 0.997, 95 % interval 0.997–0.997\n")
                .contains("consolidation: meanDic 0.498, 95 % bootstrap interval 0.000–0.997 over 2 images")
                .doesNotContain("ggo: 1 of");
        JsonNode intervals = json(out).at("/classes/1/intervals");
        assertThat(intervals.at("/meanDic/lower").asDouble()).isZero();
        assertThat(intervals.at("/meanDic/upper").asDouble()).isCloseTo(perfect, within(TOL));
        assertThat(intervals.at("/meanDicWithTruth/lower").asDouble()).isCloseTo(perfect, within(TOL));
        assertThat(intervals.at("/meanDicWithTruth/upper").asDouble()).isCloseTo(perfect, within(TOL));
        JsonNode consolidationSummary = json(out).at("/classes/1/summary");
        assertThat(consolidationSummary.get("meanDic").asDouble()).isCloseTo(perfect / 2, within(TOL));
        assertThat(consolidationSummary.get("emptyTruth").asInt()).isEqualTo(1);
        assertThat(consolidationSummary.get("meanDicWithTruth").asDouble()).isCloseTo(perfect, within(TOL));
        assertThat(json(out).at("/classes/0/summary/emptyTruth").asInt()).isZero();
    }

    @Test
    void writesEveryOutputInAParsableForm() throws IOException {
        Path images = dir.resolve("imgs");
        grey(images, "a.png", TestMaps.rectangle(20, 10, 0, 0, 20, 10, 90), 20, 10);
        Path out = dir.resolve("out");

        Cli r = evaluateA(TestMaps.rectangle(20, 10, 2, 0, 8, 4, 200), 20, 10, "--images", images.toString(),
                "--threshold", "0.8");

        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("Dice@0.8  IoU@0.8")
                .endsWith("wrote " + out + ": metrics.json, per_image.csv, gallery.png, dice.png\n");
        JsonNode json = json(out);
        assertThat(json.at("/schemaVersion").asInt()).isEqualTo(1);
        assertThat(json.at("/threshold").asDouble()).isEqualTo(0.8);
        assertThat(json.at("/mode").asText()).isEqualTo("binary");
        assertThat(json.at("/inputs/images").asText()).isEqualTo(images.toString());
        assertThat(json.at("/classes/0/class").asText()).isEqualTo("infection");
        assertThat(json.at("/bootstrap/resamples").asInt()).isEqualTo(2000);
        assertThat(json.at("/definitions/intervals").asText()).startsWith("percentile bootstrap intervals");
        assertThat(json.at("/classes/0/intervals/meanDic/lower").isNumber()).isTrue();
        assertThat(json.at("/classes/0/intervals/meanDicWithTruth/upper").isNumber()).isTrue();
        assertThat(json.at("/classes/0/curves/thresholds")).hasSize(256);
        assertThat(json.at("/classes/0/curves/thresholds/0").asDouble()).isEqualTo(1);
        assertThat(json.at("/classes/0/curves/dice")).hasSize(256);
        assertThat(json.at("/classes/0/curves/eMeasure")).hasSize(256);
        // Level 200 = .784 < .8: nothing is predicted at this threshold.
        assertThat(json.at("/classes/0/summary/dice").asDouble()).isZero();
        assertThat(Files.readAllLines(out.resolve("per_image.csv")).get(0)).isEqualTo(CSV_HEADER);
        assertThat(ImageIO.read(out.resolve("gallery.png").toFile())).isNotNull();
        assertThat(ImageIO.read(out.resolve("dice.png").toFile())).isNotNull();
    }

    @Test
    void aThresholdOutsideZeroToOneIsAUsageError() throws IOException {
        Path gt = dir.resolve("gt");
        grey(gt, "a.png", truthA, 20, 10);
        Cli r = evaluate(gt, gt, dir.resolve("out"), "--threshold", "1.5");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--threshold must lie in [0, 1]").hasLineCount(1);
    }

    private static void assertProtocol(JsonNode summary, double meanDic, double meanSen, double meanSpe,
                                       double meanEm, double mae) {
        assertThat(summary.get("meanDic").asDouble()).as("meanDic").isCloseTo(meanDic, within(TOL));
        assertThat(summary.get("meanSen").asDouble()).as("meanSen").isCloseTo(meanSen, within(TOL));
        assertThat(summary.get("meanSpe").asDouble()).as("meanSpe").isCloseTo(meanSpe, within(TOL));
        assertThat(summary.get("meanEm").asDouble()).as("meanEm").isCloseTo(meanEm, within(TOL));
        assertThat(summary.get("MAE").asDouble()).as("MAE").isCloseTo(mae, within(TOL));
    }

    private void assertFailsCleanly(List<String> args, String... expected) throws IOException {
        List<Path> before = listing();
        Cli r = Cli.run(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(String.join(" ", args)).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).startsWith("covseg: ").doesNotContain("\n").doesNotContain("Exception")
                .contains(expected);
        assertThat(listing()).isEqualTo(before);
    }

    private List<Path> listing() throws IOException {
        try (var s = Files.walk(dir)) {
            return s.sorted().toList();
        }
    }

    private Path folder(String name) throws IOException {
        return Files.createDirectories(dir.resolve(name));
    }

    /** Writes an 8-bit grey PNG into {@code folder}, creating it. */
    private static void grey(Path folder, String file, float[] levels, int w, int h) throws IOException {
        TestMaps.writeGrey(Files.createDirectories(folder).resolve(file), levels, w, h);
    }

    /** Evaluates pred/a.png (w x h) against gt/a.png = {@link #truthA} into out/. */
    private Cli evaluateA(float[] prediction, int w, int h, String... options) throws IOException {
        grey(dir.resolve("gt"), "a.png", truthA, 20, 10);
        grey(dir.resolve("pred"), "a.png", prediction, w, h);
        return evaluate(dir.resolve("pred"), dir.resolve("gt"), dir.resolve("out"), options);
    }

    private static Cli evaluate(Path pred, Path gt, Path out, String... options) {
        List<String> args = new ArrayList<>(List.of("evaluate", "--pred", pred.toString(), "--gt", gt.toString(),
                "--out", out.toString()));
        args.addAll(List.of(options));
        return Cli.run(args.toArray(String[]::new));
    }

    private static float[] scaled(float[] mask) {
        float[] out = mask.clone();
        for (int p = 0; p < out.length; p++) {
            out[p] *= 255;
        }
        return out;
    }

    private static JsonNode json(Path out) throws IOException {
        return new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
    }

    private static JsonNode summary(Path out, int classIndex) throws IOException {
        return json(out).at("/classes/" + classIndex + "/summary");
    }
}
