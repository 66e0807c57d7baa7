package org.covseg.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;

class CohortRowTest {

    @Test
    void eachWholeLungScoreIsAnIntegerColumnNamedAfterItsKey() {
        assertThat(CohortRow.snakeCase("ctSeverityScore")).isEqualTo("ct_severity_score");
        assertThat(Arrays.stream(CohortRow.SCHEMA.fields()).map(StructField::name).toList())
                .containsSubsequence("consolidation_total", "ct_severity_score", "total_ct_score", "mosmed_level",
                        "finding")
                .doesNotHaveDuplicates();
        assertThat(CohortRow.SCHEMA.apply("mosmed_level").dataType().typeName()).isEqualTo("integer");
    }

    @Test
    void aFailedRowHasOneCellPerColumn() {
        CohortRow failed = CohortRow.failed(new CohortStudy("s", "/data/s.nii.gz", null), "no lung found", 1.5);
        assertThat(failed.toRow().length()).isEqualTo(CohortRow.SCHEMA.fields().length);
        assertThat(failed.wholeLungScores()).hasSize(3).containsOnlyNulls();
    }

    @Test
    void aStoredRowWithAnotherVersionsScoresIsRefused() throws Exception {
        ObjectMapper json = new ObjectMapper();
        CohortRow failed = CohortRow.failed(new CohortStudy("s", "/data/s.nii.gz", null), "no lung found", 1.5);
        String stored = json.writeValueAsString(failed);
        assertThat(json.readValue(stored, CohortRow.class)).isEqualTo(failed);
        assertThatThrownBy(() -> json.readValue(stored.replace("\"wholeLungScores\":[null,null,null]",
                "\"wholeLungScores\":[null,null]"), CohortRow.class)).isInstanceOf(java.io.IOException.class);
    }
}
