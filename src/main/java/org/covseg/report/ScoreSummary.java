package org.covseg.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import org.covseg.severity.SeverityReport;
import org.covseg.severity.WholeLungScore;

/**
 * The headline numbers of a severity report (or the differences of two), each null when not applicable.
 *
 * @param poiRightPercent POI of the right lung, any class
 * @param poiLeftPercent  POI of the left lung, any class
 * @param poiTotalPercent POI of both lungs, any class
 * @param wholeLungScores every score {@link SeverityReport#wholeLungScores} lists, in its order
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ScoreSummary(Double poiRightPercent, Double poiLeftPercent, Double poiTotalPercent,
                           List<Score> wholeLungScores) {

    /**
     * One whole-lung score.
     *
     * @param key     its {@link WholeLungScore#key}
     * @param name    its {@link WholeLungScore#name}
     * @param value   its {@link WholeLungScore#value}; in a difference, this − other
     * @param reading its {@link WholeLungScore#reading}; null in a difference
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Score(String key, String name, Integer value, String reading) {
    }

    public ScoreSummary {
        wholeLungScores = List.copyOf(wholeLungScores);
    }

    public static ScoreSummary of(SeverityReport s) {
        List<Score> scores = new ArrayList<>();
        for (WholeLungScore w : s.wholeLungScores()) {
            scores.add(new Score(w.key(), w.name(), w.value(), w.reading()));
        }
        return new ScoreSummary(s.percentageOfInfection().right().any().percent(),
                s.percentageOfInfection().left().any().percent(), s.percentageOfInfection().total().any().percent(),
                scores);
    }

    /** this − other, field by field (null where either is); both summaries list the same scores. */
    public ScoreSummary minus(ScoreSummary other) {
        List<Score> scores = new ArrayList<>();
        for (int i = 0; i < wholeLungScores.size(); i++) {
            Score mine = wholeLungScores.get(i);
            Integer theirs = other.wholeLungScores.get(i).value();
            scores.add(new Score(mine.key(), mine.name(),
                    mine.value() == null || theirs == null ? null : mine.value() - theirs, null));
        }
        return new ScoreSummary(minus(poiRightPercent, other.poiRightPercent),
                minus(poiLeftPercent, other.poiLeftPercent), minus(poiTotalPercent, other.poiTotalPercent), scores);
    }

    private static Double minus(Double a, Double b) {
        return a == null || b == null ? null : a - b;
    }
}
