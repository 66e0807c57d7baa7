package org.covseg.semi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SemiPlanTest {

    @TempDir
    Path dir;

    @Test
    void aPlanWrittenBeforeExcludeAndRewindowExistedReadsAsExcludingNothingUnrewindowed() throws IOException {
        Files.writeString(dir.resolve(SemiPlan.FILE), """
                {"startModelSha256": "abc", "unlabeled": "/u", "groupSize": 2, "limit": 60, "roundEpochs": 1,
                 "finalEpochs": 3, "finetuneEpochs": 3, "threshold": 0.5, "groups": [["s1", "s3"]]}""");

        assertThat(SemiPlan.read(dir)).isEqualTo(new SemiPlan("abc", "/u", 2, 60, List.of(), false, 1, 3, 3, 0.5f,
                List.of(List.of("s1", "s3"))));
    }

    @Test
    void aWrittenPlanReadsBackEqual() throws IOException {
        SemiPlan plan = new SemiPlan("abc", "/u", 2, 0, List.of("*coronacases*"), true, 1, 3, 3, 0.5f,
                List.of(List.of("a_1", "a_2"), List.of("b_1")));

        plan.write(dir);

        assertThat(SemiPlan.read(dir)).isEqualTo(plan);
    }
}
