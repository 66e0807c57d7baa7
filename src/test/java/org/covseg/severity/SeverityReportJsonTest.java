package org.covseg.severity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The report's field names are what the JSON writer will publish: keep them stable. */
class SeverityReportJsonTest {

    @Test
    void serialisesWithStableFieldNames() {
        SeverityReport report = new TestMasks(10, 4, 12).spacing(2, 2, 2.5)
                .lung(1, 0, 3, 0, 3, 0, 11).lung(2, 6, 9, 0, 3, 0, 11)
                .infect(2, 0, 3, 0, 3, 10, 11)
                .score();
        JsonNode json = new ObjectMapper().valueToTree(report);
        assertThat(json.fieldNames()).toIterable().containsExactly("unit", "singleSlice", "infectionLabels",
                "percentageOfInfection", "finding", "ctSeverityScore", "totalCtScore", "mosmedCategory");
        assertThat(json.at("/percentageOfInfection/right/consolidation/infected/voxels").asLong()).isEqualTo(32);
        assertThat(json.at("/percentageOfInfection/right/consolidation/percent").asDouble())
                .isEqualTo(100.0 * 32 / 192);
        assertThat(json.at("/ctSeverityScore/regions/0/region").asText()).isEqualTo("RIGHT_APICAL");
        assertThat(json.at("/ctSeverityScore/regions/0").fieldNames()).toIterable()
                .containsExactly("region", "description", "lung", "infected", "percent", "score");
        assertThat(json.at("/totalCtScore/lobes/0").fieldNames()).toIterable()
                .containsExactly("lobe", "description", "lung", "infected", "percent", "score");
        assertThat(json.at("/ctSeverityScore").fieldNames()).toIterable().containsExactly("label", "definition",
                "applicable", "notApplicableReason", "total", "maximum", "regions");
        assertThat(json.at("/mosmedCategory/category").asText()).isEqualTo("CT-1"); // 32 / 384 = 8.3 %
        assertThat(json.at("/finding").fieldNames()).toIterable()
                .containsExactly("definition", "present", "largestLesion", "threshold");
        assertThat(json.at("/percentageOfInfection/outsideLungs/any").fieldNames()).toIterable()
                .containsExactly("voxels", "value");
    }
}
