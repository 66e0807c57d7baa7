package org.covseg.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.covseg.CovsegException;
import org.covseg.data.augment.Augmentation;
import org.junit.jupiter.api.Test;

class TrainingOptionsTest {

    @Test
    void officialScalesRoundToMultiplesOf32() {
        assertThat(TrainingOptions.infNet().scaledSizes()).containsExactly(256, 352, 448);
    }

    @Test
    void halfwayRatesRoundToEvenLikePython() {
        // 64·1.25/32 = 2.5 → 2 and 64·0.75/32 = 1.5 → 2 under Python 3's round()
        assertThat(TrainingOptions.infNet().withSize(64, List.of(0.75, 1.25)).scaledSizes()).containsExactly(64, 64);
    }

    @Test
    void onlyTheEpochCountMayChangeOnResume() {
        TrainingOptions run = TrainingOptions.infNet();
        assertThat(run.withEpochs(150).sameRecipe(run)).isTrue();
        assertThat(run.withBatchSize(8).sameRecipe(run)).isFalse();
        assertThat(run.withSeed(1).sameRecipe(run)).isFalse();
        assertThat(run.withAugmentation(Augmentation.of(List.of("flip"), 0.4)).sameRecipe(run)).isFalse();
        assertThat(run.withAugmentation(Augmentation.of(List.of("flip"), 0.4))
                .sameRecipe(run.withAugmentation(Augmentation.of(List.of("flip"), 0.5)))).isFalse();
    }

    @Test
    void theAugmentationSurvivesJsonAndOldRunsHaveNone() throws Exception {
        ObjectMapper json = JsonMapper.builder().build();
        TrainingOptions run = TrainingOptions.infNet().withAugmentation(Augmentation.of(List.of("crop", "flip"), 0.4));
        String text = json.writeValueAsString(run);
        assertThat(text).contains("\"augmentation\":{\"transforms\":[\"FLIP\",\"CROP\"],\"cutout\":0.4}");
        assertThat(json.readValue(text, TrainingOptions.class)).isEqualTo(run);
        ObjectNode old = (ObjectNode) json.readTree(text);
        old.remove("augmentation");
        assertThat(json.treeToValue(old, TrainingOptions.class).augmentation()).isEqualTo(Augmentation.NONE);
    }

    @Test
    void rejectsSizesThatAreNotMultiplesOf32() {
        assertThatThrownBy(() -> TrainingOptions.infNet().withSize(100, List.of(1.0)))
                .isInstanceOf(CovsegException.class).hasMessageContaining("multiple of 32");
    }
}
