package org.covseg.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.covseg.severity.SeverityReport;

/**
 * The headline numbers of a severity report (or the differences of two), each null when not applicable.
 *
 * @param poiRightPercent POI of the right lung, any class
 * @param poiLeftPercent  POI of the left lung, any class
 * @param poiTotalPercent POI of both lungs, any class
 * @param ctSeverityScore CT severity score 0-40
 * @param totalCtScore    total CT score 0-25
 * @param mosmedLevel     MosMed level 0-4 (CT-0 … CT-4)
 * @param mosmedCategory  "CT-0" … "CT-4"; null in a difference
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ScoreSummary(Double poiRightPercent, Double poiLeftPercent, Double poiTotalPercent,
                           Integer ctSeverityScore, Integer totalCtScore, Integer mosmedLevel, String mosmedCategory) {

    public static ScoreSummary of(SeverityReport s) {
        return new ScoreSummary(s.percentageOfInfection().right().any().percent(),
                s.percentageOfInfection().left().any().percent(), s.percentageOfInfection().total().any().percent(),
                s.ctSeverityScore().total(), s.totalCtScore().total(),
                s.mosmedCategory().level(), s.mosmedCategory().category());
    }

    /** this − other, field by field (null where either is). */
    public ScoreSummary minus(ScoreSummary other) {
        return new ScoreSummary(minus(poiRightPercent, other.poiRightPercent),
                minus(poiLeftPercent, other.poiLeftPercent), minus(poiTotalPercent, other.poiTotalPercent),
                minus(ctSeverityScore, other.ctSeverityScore), minus(totalCtScore, other.totalCtScore),
                minus(mosmedLevel, other.mosmedLevel), null);
    }

    private static Double minus(Double a, Double b) {
        return a == null || b == null ? null : a - b;
    }

    private static Integer minus(Integer a, Integer b) {
        return a == null || b == null ? null : a - b;
    }
}
