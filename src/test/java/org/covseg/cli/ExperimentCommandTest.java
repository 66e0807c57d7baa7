package org.covseg.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** covseg experiment on tiny networks and phantom slices: 2 cells x 2 folds, re-run, resume, failures. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExperimentCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TINY = "\"width\": 0.1, \"size\": 64, \"scales\": [1], \"epochs\": 1,"
            + " \"batchSize\": 2, \"threads\": 1";

    @TempDir
    static Path dir;

    static Path data;
    static Path config;
    static Path out;

    @BeforeAll
    static void makeDataAndConfig() throws IOException {
        data = TinyDataset.write(dir.resolve("tiny"), 6);
        out = dir.resolve("out");
        config = write("exp.json", """
                {"description": "two tiny cells", "data": "tiny", "task": "infection", "out": "out", "seed": 3,
                 "protocol": {"folds": 2}, "training": {%s},
                 "cells": [{"name": "plain"}, {"name": "cutout", "augment": ["flip"], "cutout": 0.4},
                           {"name": "semi", "kind": "semi", "init": "{out}/semi/fold-{fold}/model"}]}"""
                .formatted(TINY));
    }

    private static Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    @Order(1)
    void runsTheGridAndWritesTablesAndChart() throws IOException {
        Cli r = Cli.run("experiment", config.toString(), "--cells", "plain,cutout");
        assertThat(r.exitCode()).as(r.err()).isZero();

        List<String> csv = Files.readAllLines(out.resolve("results.csv"));
        assertThat(csv).hasSize(4);
        assertThat(csv.get(0)).startsWith("cell,kind,class,status,folds_done,folds,val_loss_mean,val_loss_std,"
                + "meanDic_mean,meanDic_std,meanSen_mean");
        assertThat(csv.get(1)).startsWith("plain,supervised,infection,done,2,2,");
        assertThat(csv.get(2)).startsWith("cutout,supervised,infection,done,2,2,");
        assertThat(csv.get(3)).startsWith("semi,semi,infection,not run,0,2,");

        List<Double> dice = new ArrayList<>();
        for (int fold = 1; fold <= 2; fold++) {
            Path foldDir = out.resolve("plain/fold-" + fold);
            JsonNode result = JSON.readTree(foldDir.resolve("result.json").toFile());
            JsonNode metrics = JSON.readTree(foldDir.resolve("evaluation/metrics.json").toFile());
            double meanDic = result.at("/classes/infection/meanDic").asDouble();
            assertThat(meanDic).isEqualTo(metrics.at("/classes/0/summary/meanDic").asDouble());
            assertThat(result.at("/classes/infection/MAE").asDouble())
                    .isEqualTo(metrics.at("/classes/0/summary/MAE").asDouble());
            dice.add(meanDic);
        }
        String[] plain = csv.get(1).split(",");
        double mean = (dice.get(0) + dice.get(1)) / 2;
        double std = Math.abs(dice.get(0) - dice.get(1)) / Math.sqrt(2);
        assertThat(Double.parseDouble(plain[8])).isCloseTo(mean, within(1e-6));
        assertThat(Double.parseDouble(plain[9])).isCloseTo(std, within(1e-6));

        String md = Files.readString(out.resolve("results.md"));
        assertThat(md).contains("two tiny cells", "| cell | kind | folds | val loss | Dice | Sen | Spec | S-α | E-φ"
                + " | MAE | train s/fold | status |", "| plain | supervised | 2/2 | ", " ± ", "| not run |",
                "covseg experiment " + config, "\"cutout\": 0.4");
        BufferedImage chart = ImageIO.read(out.resolve("results.png").toFile());
        assertThat(chart.getWidth()).isGreaterThan(500);
        assertThat(r.out()).contains("| plain | supervised | 2/2 |");
    }

    @Test
    @Order(2)
    void foldsValidateEverySliceExactlyOnce() throws IOException {
        List<String> validated = new ArrayList<>();
        for (int fold = 1; fold <= 2; fold++) {
            JsonNode split = JSON.readTree(out.resolve("folds/fold-" + fold + ".json").toFile());
            split.get("validation").forEach(n -> validated.add(n.asText()));
            assertThat(Files.readString(out.resolve("plain/fold-" + fold + "/split.json")))
                    .isEqualTo(Files.readString(out.resolve("folds/fold-" + fold + ".json")));
        }
        assertThat(validated).containsExactlyInAnyOrder("s0", "s1", "s2", "s3", "s4", "s5");
    }

    @Test
    @Order(3)
    void aReRunSkipsFinishedFoldsWithoutRetraining() throws IOException {
        Path weights = out.resolve("cutout/fold-2/model/weights.safetensors");
        FileTime trained = Files.getLastModifiedTime(weights);
        FileTime evaluated = Files.getLastModifiedTime(out.resolve("cutout/fold-2/result.json"));
        Cli r = Cli.run("experiment", config.toString(), "--cells", "plain,cutout");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("cell plain, fold 1: finished earlier, skipped",
                "cell cutout, fold 2: finished earlier, skipped").doesNotContain("training on");
        assertThat(Files.getLastModifiedTime(weights)).isEqualTo(trained);
        assertThat(Files.getLastModifiedTime(out.resolve("cutout/fold-2/result.json"))).isEqualTo(evaluated);
    }

    @Test
    @Order(4)
    void aCellWithoutItsSemiModelFailsWithOneLineAndTheOthersStay() throws IOException {
        Cli r = Cli.run("experiment", config.toString(), "--cells", "semi");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("covseg: cell semi failed: fold 1: no Semi-Inf-Net model at "
                + out.resolve("semi/fold-1/model"), out.resolve("folds/fold-1.json").toString());
        List<String> csv = Files.readAllLines(out.resolve("results.csv"));
        assertThat(csv.get(1)).startsWith("plain,supervised,infection,done,2,2,");
        assertThat(csv.get(3)).startsWith("semi,semi,infection,\"failed: fold 1: no Semi-Inf-Net model");
    }

    @Test
    @Order(5)
    void changedSettingsFailTheCellInsteadOfMixingResults() {
        Cli r = Cli.run("experiment", config.toString(), "--cells", "plain", "--epochs", "2");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("cell 'plain'", "was made with other settings", "settings.epochs: 1 → 2");
    }

    /** Two processes share one experiment's folds with --fold; the table counts what is on disk. */
    @Test
    @Order(6)
    void foldSelectionRunsOnlyTheNamedFolds() throws IOException {
        Path shared = dir.resolve("shared");
        Cli second = Cli.run("experiment", config.toString(), "--cells", "plain", "--out", shared.toString(),
                "--fold", "2");
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(shared.resolve("plain/fold-1")).doesNotExist();
        assertThat(shared.resolve("plain/fold-2/result.json")).exists();
        assertThat(Files.readAllLines(shared.resolve("results.csv")).get(1))
                .startsWith("plain,supervised,infection,partial 1/2,1,2,");

        Cli first = Cli.run("experiment", config.toString(), "--cells", "plain", "--out", shared.toString(),
                "--fold", "1");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).doesNotContain("fold 2");
        assertThat(Files.readAllLines(shared.resolve("results.csv")).get(1))
                .startsWith("plain,supervised,infection,done,2,2,");

        Cli outside = Cli.run("experiment", config.toString(), "--out", shared.toString(), "--fold", "3");
        assertThat(outside.exitCode()).isNotZero();
        assertThat(outside.err().strip()).isEqualTo("covseg: --fold 3: the protocol has folds 1 to 2");
    }

    /** A run stopped after epoch 1 of 2 leaves checkpoint/last at the epoch boundary; the experiment resumes it. */
    @Test
    @Order(7)
    void anInterruptedFoldResumesFromItsCheckpoint() throws IOException {
        Path resumed = dir.resolve("resumed");
        Path fold1 = resumed.resolve("plain/fold-1");
        List<String> validation = new ArrayList<>();
        JSON.readTree(out.resolve("folds/fold-1.json").toFile()).get("validation")
                .forEach(n -> validation.add(n.asText()));
        Cli first = Cli.run("train", "--data", data.toString(), "--out", fold1.toString(), "--val",
                String.join(",", validation), "--width", "0.1", "--size", "64", "--scales", "1", "--batch-size", "2",
                "--epochs", "1", "--threads", "1", "--seed", "3");
        assertThat(first.exitCode()).as(first.err()).isZero();
        String epoch1 = Files.readAllLines(fold1.resolve("metrics.csv")).get(1);
        Files.delete(fold1.resolve("model/model.json"));

        Cli r = Cli.run("experiment", config.toString(), "--cells", "plain", "--out", resumed.toString(),
                "--epochs", "2");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("cell plain, fold 1: resuming training", "cell plain, fold 2: training on");
        List<String> metrics = Files.readAllLines(fold1.resolve("metrics.csv"));
        assertThat(metrics).hasSize(3);
        assertThat(metrics.get(1)).isEqualTo(epoch1);
        assertThat(Files.readAllLines(resumed.resolve("results.csv")).get(1))
                .startsWith("plain,supervised,infection,done,2,2,");
    }

    @Test
    @Order(8)
    void multiclassCellsTakeEachFoldsPriorAndReportPerClass() throws IOException {
        Path mcData = TinyMulticlassDataset.write(dir, 6);
        Path mcConfig = write("mc.json", """
                {"data": "%s", "task": "multiclass", "out": "mc-out", "seed": 3, "protocol": {"folds": 2},
                 "training": {%s},
                 "cells": [{"name": "on-plain", "prior": "out/plain/fold-{fold}/model"},
                           {"name": "dice-flip", "prior": "out/plain/fold-{fold}/model", "classLoss": "BCE_DICE",
                            "augment": ["flip"]}]}"""
                .formatted(mcData.getFileName(), TINY));
        Cli r = Cli.run("experiment", mcConfig.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("computing the infection prior with");
        List<String> csv = Files.readAllLines(dir.resolve("mc-out/results.csv"));
        assertThat(csv).hasSize(5);
        assertThat(csv.get(1)).startsWith("on-plain,supervised,ggo,done,2,2,");
        assertThat(csv.get(2)).startsWith("on-plain,supervised,consolidation,done,2,2,");
        assertThat(csv.get(3)).startsWith("dice-flip,supervised,ggo,done,2,2,");
        JsonNode diceFlip = JSON.readTree(dir.resolve("mc-out/dice-flip/fold-1/model/model.json").toFile());
        assertThat(diceFlip.at("/training/objective").asText()).isEqualTo("multiclass(sigmoid+bce+dice)");
        assertThat(diceFlip.at("/training/options/augmentation/transforms/0").asText()).isEqualTo("FLIP");
        Set<String> priors = new HashSet<>();
        for (int fold = 1; fold <= 2; fold++) {
            priors.add(JSON.readTree(dir.resolve("mc-out/on-plain/fold-" + fold + "/model/model.json").toFile())
                    .at("/prior/path").asText());
        }
        assertThat(priors).hasSize(2);
        assertThat(Files.readString(dir.resolve("mc-out/results.md")))
                .contains("| on-plain | supervised | ggo | 2/2 |", "may have been trained on them");
    }

    /** Cells name their network: a U-Net from scratch and after its own pre-training block. */
    @Test
    @Order(11)
    void cellsTrainTheArchitectureTheyName() throws IOException {
        Path archConfig = write("arch.json", """
                {"data": "tiny", "task": "infection", "out": "arch-out", "seed": 3, "protocol": {"folds": 2},
                 "training": {%s},
                 "pretrain": {"inpaint-unet": {"data": ["tiny/images"], "mask": "RANDOM", "epochs": 1,
                                               "rounds": 0, "batchSize": 3, "arch": "unet"}},
                 "cells": [{"name": "unet", "arch": "unet"},
                           {"name": "unet-ssl", "kind": "self-supervised", "arch": "unet",
                            "pretrain": "inpaint-unet"}]}""".formatted(TINY));
        Cli r = Cli.run("experiment", archConfig.toString(), "--folds", "2");
        assertThat(r.exitCode()).as(r.err()).isZero();
        for (String cell : List.of("unet", "unet-ssl")) {
            assertThat(Files.readString(dir.resolve("arch-out/" + cell + "/fold-1/model/model.json")))
                    .contains("\"architecture\" : \"UNet-bilinear\"");
        }
        assertThat(r.out()).contains("self-supervised pre-training; the output layers start fresh");
        Cli bad = Cli.run("experiment", write("bad-arch.json", """
                {"data": "tiny", "task": "infection", "out": "bad-out", "protocol": {"folds": 2},
                 "training": {%s}, "cells": [{"name": "x", "arch": "resnet"}]}""".formatted(TINY)).toString());
        assertThat(bad.exitCode()).isNotZero();
        assertThat(bad.err().strip()).contains("arch must be one of").doesNotContain("\n");
    }

    /**
     * A semi block makes each fold's Semi-Inf-Net model from that fold's model of its start cell (run first when
     * missing), validating on that fold's slices only; the semi cell fine-tunes it, and a re-run reuses everything.
     */
    @Test
    @Order(12)
    void aSemiBlockMakesEachFoldsModelFromThatFoldsStartCell() throws IOException {
        TinyDataset.write(dir.resolve("unl"), 4);
        Path semiConfig = write("semi.json", """
                {"data": "tiny", "task": "infection", "out": "semi-out", "seed": 3, "protocol": {"folds": 2},
                 "training": {%s},
                 "semi": {"pseudo": {"from": "plain", "unlabeled": "unl/images", "groupSize": 2, "limit": 2,
                                     "roundEpochs": 1, "finalEpochs": 1, "finetuneEpochs": 1, "batchSize": 2}},
                 "cells": [{"name": "plain"}, {"name": "semi", "kind": "semi", "semi": "pseudo"}]}"""
                .formatted(TINY));
        Path semiOut = dir.resolve("semi-out");
        Cli r = Cli.run("experiment", semiConfig.toString(), "--cells", "semi");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("semi 'pseudo' starts from cell plain, which runs first",
                "semi 'pseudo', fold 2: running into");
        List<String> csv = Files.readAllLines(semiOut.resolve("results.csv"));
        assertThat(csv.get(1)).startsWith("plain,supervised,infection,done,2,2,");
        assertThat(csv.get(2)).startsWith("semi,semi,infection,done,2,2,");
        for (int fold = 1; fold <= 2; fold++) {
            Path run = semiOut.resolve("semi-supervised/pseudo/fold-" + fold);
            assertThat(JSON.readTree(run.resolve("split.json").toFile()).get("validation"))
                    .isEqualTo(JSON.readTree(semiOut.resolve("folds/fold-" + fold + ".json").toFile())
                            .get("validation"));
            assertThat(JSON.readTree(run.resolve("plan.json").toFile()).get("startModelSha256").asText())
                    .isEqualTo(JSON.readTree(semiOut.resolve("plain/fold-" + fold + "/model/model.json").toFile())
                            .get("weightsSha256").asText());
            assertThat(JSON.readTree(semiOut.resolve("semi/fold-" + fold + "/model/model.json").toFile())
                    .at("/training/init").asText()).isEqualTo(run.resolve("model").toString());
        }
        assertThat(Files.readString(semiOut.resolve("results.md"))).contains("- semi-supervised 'pseudo', fold 2: ");

        Cli again = Cli.run("experiment", semiConfig.toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("cell semi, fold 2: finished earlier, skipped")
                .doesNotContain("running into", "training on");

        Path block = semiOut.resolve("semi-supervised/pseudo/block.json");
        ObjectNode recorded = (ObjectNode) JSON.readTree(block.toFile());
        assertThat(recorded.get("exclude")).isEmpty();
        recorded.remove("exclude");
        Files.writeString(block, JSON.writeValueAsString(recorded));
        Path cell = semiOut.resolve("semi/cell.json");
        ObjectNode cellRecord = (ObjectNode) JSON.readTree(cell.toFile());
        ((ObjectNode) cellRecord.get("semi")).remove("exclude");
        Files.writeString(cell, JSON.writeValueAsString(cellRecord));
        Cli beforeExclude = Cli.run("experiment", semiConfig.toString());
        assertThat(beforeExclude.exitCode()).as("a block recorded before \"exclude\" existed: " + beforeExclude.err())
                .isZero();

        Files.writeString(semiConfig, Files.readString(semiConfig).replace("\"limit\": 2,",
                "\"limit\": 2, \"exclude\": [\"s1\"],"));
        Cli excluding = Cli.run("experiment", semiConfig.toString());
        assertThat(excluding.exitCode()).isNotZero();
        assertThat(excluding.err()).contains("was made with other settings", "semi.exclude: none → [\"s1\"]");
    }
}
