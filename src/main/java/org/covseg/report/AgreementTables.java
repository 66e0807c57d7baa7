package org.covseg.report;

import static org.covseg.report.ReportText.number;
import static org.covseg.report.ReportText.percent;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The agreement with a reference mask as two text tables, shared by the HTML and PDF reports: overlap per region
 * and class, and the scores of both masks side by side. The first row of each is its header.
 */
final class AgreementTables {

    private AgreementTables() {
    }

    static List<String[]> regions(Agreement a) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"region", "class", "Dice", "IoU", "analysis", "reference", "difference", "HD95"});
        for (Agreement.RegionAgreement g : a.regions()) {
            rows.add(new String[] {g.region(), g.infectionClass(), String.format(Locale.ROOT, "%.3f", g.dice()),
                String.format(Locale.ROOT, "%.3f", g.iou()), number(g.amount()) + " " + a.unit(),
                number(g.referenceAmount()) + " " + a.unit(),
                number(g.amountDifference()) + " " + a.unit() + (g.amountDifferencePercent() == null ? ""
                        : String.format(Locale.ROOT, " (%+.1f%%)", g.amountDifferencePercent())),
                g.hausdorff95() == null ? "n/a (a mask is empty)"
                        : String.format(Locale.ROOT, "%.2f %s", g.hausdorff95(), a.distanceUnit())});
        }
        return rows;
    }

    static List<String[]> scores(Agreement a) {
        Agreement.ScoreComparison c = a.severity();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"score", "analysis", "reference", "difference"});
        rows.add(new String[] {"POI right lung", percent(c.analysis().poiRightPercent()),
            percent(c.reference().poiRightPercent()), points(c.difference().poiRightPercent())});
        rows.add(new String[] {"POI left lung", percent(c.analysis().poiLeftPercent()),
            percent(c.reference().poiLeftPercent()), points(c.difference().poiLeftPercent())});
        rows.add(new String[] {"POI both lungs", percent(c.analysis().poiTotalPercent()),
            percent(c.reference().poiTotalPercent()), points(c.difference().poiTotalPercent())});
        for (int i = 0; i < c.analysis().wholeLungScores().size(); i++) {
            ScoreSummary.Score mine = c.analysis().wholeLungScores().get(i);
            Integer difference = c.difference().wholeLungScores().get(i).value();
            rows.add(new String[] {mine.name(), orNa(mine.reading()),
                orNa(c.reference().wholeLungScores().get(i).reading()),
                difference == null ? "n/a" : String.format(Locale.ROOT, "%+d", difference)});
        }
        return rows;
    }

    /** Why the classes were not compared apart, as a sentence; null when they were. */
    static String classesNotCompared(Agreement a) {
        return a.classesNotCompared() == null ? null
                : "Ground-glass opacity and consolidation not compared apart: " + a.classesNotCompared() + ".";
    }

    private static String orNa(Object value) {
        return value == null ? "n/a" : value.toString();
    }

    private static String points(Double difference) {
        return difference == null ? "n/a" : String.format(Locale.ROOT, "%+.1f points", difference);
    }
}
