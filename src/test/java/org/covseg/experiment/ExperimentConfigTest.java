package org.covseg.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.covseg.CovsegException;
import org.covseg.nn.SegmentationArchitecture;
import org.covseg.train.ClassLoss;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentConfigTest {

    @TempDir
    Path dir;

    private static final String GOOD = """
            {"data": "data", "task": "infection", "out": "runs/x", "protocol": {"folds": 5},
             "training": {"width": 0.25, "size": 192, "epochs": 10},
             "pretrain": {"coach": {"data": ["unlabeled"], "epochs": 2, "rounds": 1}},
             "cells": [{"name": "supervised"},
                       {"name": "cutout-0.4", "augment": ["flip", "rotate"], "cutout": 0.4, "epochs": 12},
                       {"name": "ssl", "kind": "self-supervised", "pretrain": "coach"},
                       {"name": "semi", "kind": "semi", "init": "{out}/semi/fold-{fold}/model"}]}""";

    private ExperimentConfig read(String json, Overrides overrides) throws IOException {
        Path file = dir.resolve("exp.json");
        Files.writeString(file, json);
        return ExperimentConfig.read(file, overrides);
    }

    @Test
    void mergesDefaultsSharedSettingsCellsAndCommandLineInThatOrder() throws IOException {
        ExperimentConfig c = read(GOOD, Overrides.NONE);
        assertThat(c.data()).isEqualTo(dir.resolve("data"));
        assertThat(c.out()).isEqualTo(dir.resolve("runs/x"));
        assertThat(c.protocol().folds()).isEqualTo(5);
        TrainingSettings plain = c.cell("supervised").settings();
        assertThat(plain.width()).isEqualTo(0.25);
        assertThat(plain.epochs()).isEqualTo(10);
        assertThat(plain.batchSize()).isEqualTo(24);
        assertThat(plain.scales()).containsExactly(0.75, 1.0, 1.25);
        assertThat(c.cell("cutout-0.4").settings().epochs()).isEqualTo(12);
        assertThat(c.cell("cutout-0.4").settings().cutout()).isEqualTo(0.4);
        assertThat(c.cell("semi").kind()).isEqualTo(CellKind.SEMI);
        assertThat(c.path(c.cell("semi").settings().init(), 3)).isEqualTo(dir.resolve("runs/x/semi/fold-3/model"));
        assertThat(c.pretrain().get("coach").width()).isEqualTo(0.25);
        assertThat(c.pretrain().get("coach").data()).containsExactly(dir.resolve("unlabeled"));

        ExperimentConfig o = read(GOOD, new Overrides(dir.resolve("elsewhere"), null, 2, 1, 0.5, 64, 2, 1));
        assertThat(o.out()).isEqualTo(dir.resolve("elsewhere"));
        assertThat(o.protocol().folds()).isEqualTo(2);
        assertThat(o.cell("cutout-0.4").settings().epochs()).isEqualTo(1);
        assertThat(o.cell("supervised").settings().size()).isEqualTo(64);
        assertThat(o.pretrain().get("coach").width()).isEqualTo(0.5);
    }

    @Test
    void eachMistakeIsOneLineNamingThePlace() {
        assertError(GOOD.replace("\"epochs\": 12", "\"epoch\": 12"), "cell 'cutout-0.4': unknown key \"epoch\"");
        assertError(GOOD.replace("\"epochs\": 12", "\"epochs\": \"12\""), "epochs must be a whole number");
        assertError(GOOD.replace("\"folds\": 5", "\"folds\": 5, \"split\": \"s.json\""), "exactly one of");
        assertError(GOOD.replace("infection", "lungs"), "task must be infection or multiclass");
        assertError(GOOD.replace("\"pretrain\": \"coach\"", "\"pretrain\": \"nope\""), "is not a block");
        assertError(GOOD.replace(", \"init\": \"{out}/semi/fold-{fold}/model\"", ""),
                "a semi cell needs either \"semi\" (a block name) or \"init\"");
        assertError(GOOD.replace("\"name\": \"ssl\"", "\"name\": \"supervised\""), "must be unique");
        assertError(GOOD.replace("\"cutout\": 0.4", "\"cutout\": 1.5"), "--cutout must be");
        assertError(GOOD.replace("\"size\": 192", "\"size\": 100"), "multiple of 32");
        assertError(GOOD.replace("\"task\": \"infection\"", "\"task\": \"multiclass\""),
                "do not apply to task multiclass");
        assertError(GOOD.replace("}]}", "}"), "is not valid JSON");
        assertError(GOOD.replace("\"epochs\": 12", "\"classLoss\": \"BCE_DICE\""),
                "cell 'cutout-0.4': \"prior\" and \"classLoss\" apply to task multiclass only");
        assertError(MULTICLASS.replace("BCE_DICE", "DICE"), "classLoss must be BCE or BCE_DICE, got \"DICE\"");
    }

    private static final String MULTICLASS = """
            {"data": "data", "task": "multiclass", "out": "runs/x", "protocol": {"folds": 2},
             "cells": [{"name": "bce"},
                       {"name": "bce-dice-aug", "classLoss": "BCE_DICE", "augment": ["flip", "rotate"]}]}""";

    @Test
    void multiclassCellsTakeAugmentationAndTheClassLoss() throws IOException {
        ExperimentConfig c = read(MULTICLASS, Overrides.NONE);
        assertThat(c.cell("bce").settings().classLoss()).isEqualTo(ClassLoss.BCE);
        assertThat(c.cell("bce-dice-aug").settings().classLoss()).isEqualTo(ClassLoss.BCE_DICE);
        assertThat(c.cell("bce-dice-aug").settings().options(1, "m").augmentation().describe())
                .isEqualTo("flip, rotate");
    }

    private static final String SEMI_BLOCK = GOOD
            .replace("\"cells\"", "\"semi\": {\"pseudo\": {\"from\": \"supervised\", \"unlabeled\": \"unlabeled\","
                    + " \"limit\": 20, \"groupSize\": 5}},\n \"cells\"")
            .replace("\"init\": \"{out}/semi/fold-{fold}/model\"", "\"semi\": \"pseudo\"");

    @Test
    void aSemiBlockStartsFromACellAndFillsCovsegSemisDefaults() throws IOException {
        ExperimentConfig c = read(SEMI_BLOCK, Overrides.NONE);
        SemiBlock block = c.semi().get("pseudo");
        assertThat(block.from()).isEqualTo("supervised");
        assertThat(block.unlabeled()).isEqualTo(dir.resolve("unlabeled"));
        assertThat(block.limit()).isEqualTo(20);
        assertThat(block.groupSize()).isEqualTo(5);
        assertThat(block.roundEpochs()).isEqualTo(1);
        assertThat(block.finalEpochs()).isEqualTo(3);
        assertThat(block.lr()).isEqualTo(3e-4);
        assertThat(block.rewindow()).isFalse();
        assertThat(c.cell("semi").settings().semi()).isEqualTo("pseudo");
        assertThat(c.cell("semi").settings().init()).isNull();
    }

    @Test
    void semiBlockMistakesAreOneLineNamingThePlace() {
        assertError(SEMI_BLOCK.replace("\"from\": \"supervised\"", "\"from\": \"nobody\""),
                "semi 'pseudo': \"from\" must name a cell of the config, got \"nobody\"");
        assertError(SEMI_BLOCK.replace("\"from\": \"supervised\"", "\"from\": \"semi\""),
                "must train an Inf-Net and not be of kind semi");
        assertError(SEMI_BLOCK.replace("\"semi\": \"pseudo\"", "\"semi\": \"other\""),
                "cell 'semi': semi \"other\" is not a block of \"semi\"");
        assertError(SEMI_BLOCK.replace("\"kind\": \"semi\", ", ""), "a cell with \"semi\" is of kind semi");
        assertError(SEMI_BLOCK.replace("\"semi\": \"pseudo\"", "\"semi\": \"pseudo\", \"width\": 0.5"),
                "cell 'semi' trains at width 0.5 but semi 'pseudo' starts from cell 'supervised' at width 0.25");
        assertError(SEMI_BLOCK.replace("\"groupSize\": 5", "\"groupSize\": 0"), "--group-size must be at least 1");
        assertError(SEMI_BLOCK.replace("\"groupSize\": 5", "\"groups\": 5"), "semi 'pseudo': unknown key \"groups\"");
        assertError(SEMI_BLOCK.replace("\"groupSize\": 5", "\"rewindow\": \"yes\""),
                "semi 'pseudo': rewindow must be true or false, got \"yes\"");
    }

    /** rewindow (false unless set) reaches the pretrain and semi requests, as the commands' --rewindow. */
    @Test
    void rewindowInAPretrainOrSemiBlockReachesItsRequest() throws IOException {
        ExperimentConfig plain = read(SEMI_BLOCK, Overrides.NONE);
        ExperimentConfig rewindowed = read(SEMI_BLOCK
                .replace("\"groupSize\": 5", "\"groupSize\": 5, \"rewindow\": true")
                .replace("\"rounds\": 1}", "\"rounds\": 1, \"rewindow\": true}"), Overrides.NONE);

        assertThat(plain.pretrain().get("coach").request(dir, 1, false, "c").rewindow()).isFalse();
        assertThat(rewindowed.pretrain().get("coach").request(dir, 1, false, "c").rewindow()).isTrue();
        TrainingSettings settings = TrainingSettings.of(new ConfigNode(ExperimentConfig.json(TrainingSettings.DEFAULTS),
                "test"));
        assertThat(plain.semi().get("pseudo").request(dir, dir, dir, List.of(), settings, 1, false, "c").rewindow())
                .isFalse();
        assertThat(rewindowed.semi().get("pseudo").request(dir, dir, dir, List.of(), settings, 1, false, "c")
                .rewindow()).isTrue();
    }

    @Test
    void aMissingConfigIsNamed() {
        assertThatThrownBy(() -> ExperimentConfig.read(dir.resolve("none.json"), Overrides.NONE))
                .isInstanceOf(CovsegException.class).hasMessageContaining("none.json does not exist");
    }

    private void assertError(String json, String expected) {
        assertThatThrownBy(() -> read(json, Overrides.NONE)).isInstanceOf(CovsegException.class)
                .hasMessageContaining(expected).hasMessageContaining("exp.json")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void theShippedComparisonsReadWithTheirRows() {
        ExperimentConfig infection = ExperimentConfig.read(Path.of("experiments/comparison-infection.json"),
                Overrides.NONE);
        ExperimentConfig multiclass = ExperimentConfig.read(Path.of("experiments/comparison-multiclass.json"),
                Overrides.NONE);
        assertThat(multiclass.cells()).extracting(Cell::name).containsExactly("supervised", "aug-cutout-0.4",
                "aug-cutout-0.5", "self-supervised", "self-supervised-aug", "semi");
        assertThat(infection.cells()).extracting(Cell::name).containsExactly("supervised", "aug-cutout-0.4",
                "aug-cutout-0.5", "self-supervised", "self-supervised-aug", "semi", "unet", "unet-self-supervised",
                "covidsegnet", "covidsegnet-self-supervised");
        for (ExperimentConfig c : java.util.List.of(infection, multiclass)) {
            assertThat(c.protocol().folds()).isEqualTo(5);
        }
        assertThat(infection.cell("supervised").settings().arch()).isEqualTo(SegmentationArchitecture.INFNET);
        assertThat(infection.cell("covidsegnet-self-supervised").settings().arch())
                .isEqualTo(SegmentationArchitecture.COVID_SEGNET);
        assertThat(infection.cell("aug-cutout-0.5").settings().cutout()).isEqualTo(0.5);
        assertThat(infection.cell("self-supervised").settings().pretrain()).isEqualTo("coach");
        assertThat(multiclass.path(multiclass.cell("semi").settings().prior(), 2))
                .isEqualTo(infection.out().resolve("semi/fold-2/model"));
    }
}
