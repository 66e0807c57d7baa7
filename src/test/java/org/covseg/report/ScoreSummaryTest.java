package org.covseg.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScoreSummaryTest {

    private static final ScoreSummary ANALYSIS = new ScoreSummary(20.0, 10.0, 15.0, List.of(
            new ScoreSummary.Score("ctSeverityScore", "CT severity score", 19, "19 / 40"),
            new ScoreSummary.Score("totalCtScore", "total CT score", null, null),
            new ScoreSummary.Score("mosmedLevel", "MosMed category", 1, "CT-1")));
    private static final ScoreSummary REFERENCE = new ScoreSummary(30.0, null, 26.5, List.of(
            new ScoreSummary.Score("ctSeverityScore", "CT severity score", 22, "22 / 40"),
            new ScoreSummary.Score("totalCtScore", "total CT score", 12, "12 / 25"),
            new ScoreSummary.Score("mosmedLevel", "MosMed category", 2, "CT-2")));

    @Test
    void theDifferenceSubtractsEveryScoreAndHasNoReadings() {
        ScoreSummary d = ANALYSIS.minus(REFERENCE);
        assertThat(d.poiRightPercent()).isEqualTo(-10.0);
        assertThat(d.poiLeftPercent()).isNull();
        assertThat(d.poiTotalPercent()).isEqualTo(-11.5);
        assertThat(d.wholeLungScores()).extracting(ScoreSummary.Score::key)
                .containsExactly("ctSeverityScore", "totalCtScore", "mosmedLevel");
        assertThat(d.wholeLungScores()).extracting(ScoreSummary.Score::value).containsExactly(-3, null, -1);
        assertThat(d.wholeLungScores()).extracting(ScoreSummary.Score::reading).containsOnlyNulls();
    }

    @Test
    void theAgreementTableShowsEveryScoreByItsReadingAndSignedDifference() {
        Agreement a = new Agreement("mL", "mm", List.of(), null,
                new Agreement.ScoreComparison(ANALYSIS, REFERENCE, ANALYSIS.minus(REFERENCE)));
        List<String[]> rows = AgreementTables.scores(a);
        assertThat(rows).hasSize(1 + 3 + 3);
        assertThat(rows.get(4)).containsExactly("CT severity score", "19 / 40", "22 / 40", "-3");
        assertThat(rows.get(5)).containsExactly("total CT score", "n/a", "12 / 25", "n/a");
        assertThat(rows.get(6)).containsExactly("MosMed category", "CT-1", "CT-2", "-1");
    }
}
