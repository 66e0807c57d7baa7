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
import java.util.Set;
import java.util.TreeSet;
import org.covseg.image.IntensityUnit;
import org.covseg.image.Volume;
import org.covseg.io.NiftiDatatype;
import org.covseg.io.NiftiReader;
import org.covseg.io.NiftiWriter;
import org.covseg.io.SafetensorsReader;
import org.covseg.io.SliceImageReader;
import org.covseg.io.SliceOrientation;
import org.covseg.phantom.Phantom;
import org.covseg.phantom.PhantomConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** train --task multiclass → segment → evaluate --classes on tiny networks and phantom slices. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MulticlassCliTest {

    @TempDir
    static Path dir;

    static Path data;
    static Path priorRun;
    static Path run;

    @BeforeAll
    static void makeDataAndPrior() throws IOException {
        data = TinyMulticlassDataset.write(dir, 6);
        priorRun = dir.resolve("prior-run");
        run = dir.resolve("mc-run");
        Cli prior = Cli.run(tiny("train", "--data", data.toString(), "--out", priorRun.toString(),
                "--val-fraction", "0.34"));
        assertThat(prior.exitCode()).as(prior.err()).isZero();
    }

    private static String[] tiny(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--width", "0.1", "--size", "64", "--scales", "1", "--batch-size", "2", "--epochs", "1",
                "--threads", "1"));
        return all.toArray(String[]::new);
    }

    private static Set<Float> values(Volume v) {
        Set<Float> values = new TreeSet<>();
        for (float x : v.toArray()) {
            values.add(x);
        }
        return values;
    }

    @Test
    @Order(1)
    void trainsOnThePriorsValidationSplitAndRecordsThePrior() throws IOException {
        Cli r = Cli.run(tiny("train", "--task", "multiclass", "--prior", priorRun.resolve("model").toString(),
                "--data", data.toString(), "--out", run.toString()));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("validating on the prior model's 2 validation slices");
        assertThat(Files.readString(run.resolve("split.json")))
                .isEqualTo(Files.readString(priorRun.resolve("split.json")));
        assertThat(Files.readAllLines(run.resolve("metrics.csv")).get(0))
                .contains("val_ggo_meanDic", "val_consolidation_dice", "val_classMeanDic");
        String spec = Files.readString(run.resolve("model/model.json"));
        assertThat(spec).contains("\"task\" : \"multiclass\"", "\"architecture\" : \"UNet-bilinear\"",
                "\"prior\"", "\"path\" : \"../../prior-run/model\"", "\"classMeanDic\"");
        assertThat(spec).contains(Files.readString(priorRun.resolve("model/model.json"))
                .replaceAll("(?s).*\"weightsSha256\" : (\"[0-9a-f]+\").*", "$1"));
    }

    @Test
    @Order(2)
    void segmentWritesClassMapsAndLabelsForSlicesAndVolumes() {
        Path out = dir.resolve("seg");
        Cli r = Cli.run("segment", "--model", run.resolve("model").toString(), "--input",
                data.resolve("Imgs").toString(), "--output", out.toString(), "--orientation", "TRANSPOSED",
                "--threads", "1");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(out.resolve("m0_ggo.png")).exists();
        assertThat(out.resolve("m0_consolidation.png")).exists();
        Volume labels = SliceImageReader.readLabels(out.resolve("m0_labels.png"), SliceOrientation.TRANSPOSED);
        assertThat(labels.width()).isEqualTo(64);
        assertThat(values(labels)).isNotEmpty().isSubsetOf(0f, 1f, 2f);

        Phantom volume = Phantom.generate(PhantomConfig.builder().grid(64, 3, 6.0, 8.0).build());
        Path nifti = dir.resolve("ct.nii.gz");
        NiftiWriter.write(volume.ct(), nifti, NiftiDatatype.INT16);
        Cli v = Cli.run("segment", "--model", run.resolve("model").toString(), "--input", nifti.toString(),
                "--output", out.toString(), "--threads", "1");
        assertThat(v.exitCode()).as(v.err()).isZero();
        Volume labelVolume = NiftiReader.read(out.resolve("ct_labels.nii.gz"), IntensityUnit.LABEL);
        assertThat(labelVolume.affine()).isEqualTo(NiftiReader.read(nifti, IntensityUnit.HU).affine());
        assertThat(labelVolume.depth()).isEqualTo(3);
        assertThat(values(labelVolume)).isNotEmpty().isSubsetOf(0f, 1f, 2f);
    }

    @Test
    @Order(3)
    void evaluateReportsEachClassOnTheValidationSplit() {
        Path out = dir.resolve("eval");
        Cli r = Cli.run("evaluate", "--model", run.resolve("model").toString(), "--data", data.toString(),
                "--split", run.resolve("split.json").toString(), "--classes", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("on 2 slice(s)").containsPattern("(?m)^ggo +2 ")
                .containsPattern("(?m)^consolidation +2 ");
        assertThat(out.resolve("gallery_ggo.png")).exists();
        assertThat(out.resolve("gallery_consolidation.png")).exists();
    }

    /** The label maps segment saved score exactly as the model's label maps scored in memory. */
    @Test
    @Order(3)
    void evaluateLabelsScoresTheSavedLabelMapsAsTheModelsOwn() throws IOException {
        Path fromModel = dir.resolve("eval-labels-model");
        Path fromFiles = dir.resolve("eval-labels-files");
        Cli model = Cli.run("evaluate", "--model", run.resolve("model").toString(), "--data", data.toString(),
                "--labels", "--out", fromModel.toString());
        Cli files = Cli.run("evaluate", "--pred", dir.resolve("seg").toString(), "--gt", data.resolve("GT").toString(),
                "--classes", "--labels", "--out", fromFiles.toString());

        assertThat(model.exitCode()).as(model.err()).isZero();
        assertThat(files.exitCode()).as(files.err()).isZero();
        assertThat(files.err()).as("other files in the folder are not looked at").isEmpty();
        ObjectMapper json = new ObjectMapper();
        JsonNode a = json.readTree(fromModel.resolve("metrics.json").toFile());
        JsonNode b = json.readTree(fromFiles.resolve("metrics.json").toFile());
        assertThat(a.at("/mode").asText()).isEqualTo("model labels");
        assertThat(b.at("/mode").asText()).isEqualTo("class labels");
        for (int c = 0; c < 2; c++) {
            JsonNode expected = a.at("/classes/" + c + "/summary");
            JsonNode actual = b.at("/classes/" + c + "/summary");
            assertThat(actual.size()).isEqualTo(expected.size());
            // equal up to summation order: the S-measure sums 0/1 probabilities here, 0/255 levels there
            expected.fieldNames().forEachRemaining(key -> assertThat(actual.get(key).asDouble()).as(key)
                    .isCloseTo(expected.get(key).asDouble(), within(1e-12)));
        }
        assertThat(a.at("/classes/1/class").asText()).isEqualTo("consolidation");
    }

    @Test
    @Order(4)
    void aMissingPriorIsOneClearError() {
        Cli r = Cli.run(tiny("train", "--task", "multiclass", "--prior", dir.resolve("no-such-model").toString(),
                "--data", data.toString(), "--out", dir.resolve("bad-run").toString()));
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err().strip()).doesNotContain("\n").contains("--prior", "no-such-model", "model folder not found");
    }

    @Test
    @Order(5)
    void aModelWhosePriorIsGoneIsOneClearError() throws IOException {
        Path moved = dir.resolve("elsewhere/deeper/model");
        Files.createDirectories(moved);
        for (String file : List.of("model.json", "weights.safetensors")) {
            Files.copy(run.resolve("model").resolve(file), moved.resolve(file));
        }
        Cli r = Cli.run("segment", "--model", moved.toString(), "--input", data.resolve("Imgs").toString(),
                "--output", dir.resolve("seg-moved").toString(), "--threads", "1");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err().strip()).doesNotContain("\n").contains("needs its prior", "prior-run/model");
    }

    @Test
    @Order(6)
    void classesNeedAMulticlassModelAndAnalyzeNeedsAnInfectionModel() {
        Cli classes = Cli.run("evaluate", "--model", priorRun.resolve("model").toString(), "--data",
                data.toString(), "--classes", "--out", dir.resolve("eval-bad").toString());
        assertThat(classes.exitCode()).isNotZero();
        assertThat(classes.err().strip()).doesNotContain("\n").contains("--classes needs a multiclass model");
        Cli labels = Cli.run("evaluate", "--model", priorRun.resolve("model").toString(), "--data",
                data.toString(), "--labels", "--out", dir.resolve("eval-bad-labels").toString());
        assertThat(labels.exitCode()).isNotZero();
        assertThat(labels.err().strip()).doesNotContain("\n").contains("--labels needs a multiclass model");
        Cli analyze = Cli.run("analyze", dir.resolve("ct.nii.gz").toString(), "--out",
                dir.resolve("analysis").toString(), "--model", run.resolve("model").toString(), "--threads", "1");
        assertThat(analyze.exitCode()).isNotZero();
        assertThat(analyze.err().strip()).doesNotContain("\n").contains("is a multiclass model");
    }

    /** The multi-class U-Net pre-trained by inpainting on its own input (slice + prior), then fine-tuned. */
    @Test
    @Order(5)
    void pretrainsOnSlicePlusPriorThenFineTunesWithFreshHeadAugmentationAndDiceLoss() throws IOException {
        Path pretrained = dir.resolve("mc-pretrain");
        Cli p = Cli.run("pretrain", "--task", "multiclass", "--prior", priorRun.resolve("model").toString(),
                "--data", data.resolve("Imgs").toString(), "--out", pretrained.toString(), "--width", "0.1",
                "--size", "64", "--epochs", "1", "--rounds", "1", "--inpaint-epochs", "1", "--batch-size", "3",
                "--coach-width", "0.125", "--threads", "1");
        assertThat(p.exitCode()).as(p.err()).isZero();
        assertThat(p.out()).contains("computing the prior of 6 slices", "covseg train --task multiclass --init");
        var keys = SafetensorsReader.read(pretrained.resolve("model/weights.safetensors")).tensors();
        assertThat(keys.get("inc.double_conv.0.weight").shape()[1]).as("image + prior channels").isEqualTo(6);
        assertThat(keys.keySet()).noneMatch(k -> k.startsWith("outc."));
        Cli tuned = Cli.run(tiny("train", "--task", "multiclass", "--prior", priorRun.resolve("model").toString(),
                "--data", data.toString(), "--out", dir.resolve("mc-tuned").toString(), "--init",
                pretrained.resolve("model").toString(), "--augment", "flip,rotate", "--class-loss", "BCE_DICE"));
        assertThat(tuned.exitCode()).as(tuned.err()).isZero();
        assertThat(tuned.out()).contains("self-supervised pre-training; the output layers start fresh",
                "training-time augmentation: flip, rotate");
        assertThat(Files.readString(dir.resolve("mc-tuned/model/model.json")))
                .contains("\"objective\" : \"multiclass(sigmoid+bce+dice)\"");
        assertThat(Files.readAllLines(dir.resolve("mc-tuned/metrics.csv")).get(0)).contains("train_bce", "train_dice");
        Cli cutout = Cli.run(tiny("train", "--task", "multiclass", "--prior", priorRun.resolve("model").toString(),
                "--data", data.toString(), "--out", dir.resolve("mc-cutout").toString(), "--cutout", "0.4"));
        assertThat(cutout.exitCode()).isNotZero();
        assertThat(cutout.err().strip()).isEqualTo("covseg: --cutout does not apply to --task multiclass (see covseg"
                + " train --help)");
        Cli wrong = Cli.run("pretrain", "--task", "multiclass", "--arch", "unet", "--data",
                data.resolve("Imgs").toString(), "--out", dir.resolve("x").toString());
        assertThat(wrong.exitCode()).isNotZero();
        assertThat(wrong.err().strip()).contains("--arch does not apply").doesNotContain("\n");
    }
}
