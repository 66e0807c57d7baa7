package org.covseg.report;

import static org.covseg.report.ReportText.involvement;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.covseg.severity.PercentageOfInfection;
import org.covseg.severity.SeverityReport;
import org.covseg.severity.WholeLungScore;

/**
 * The answer a report leads with, in a few rows: involvement of each lung and both, the CT severity score, the total
 * CT score, the MosMed category, the finding, the detection probability, and every note about the input. The
 * definitions follow later in the report.
 */
final class ReportSummary {

    private ReportSummary() {
    }

    /** {label, value} rows; empty when the report has no whole-study severity (a folder of 2-D images). */
    static List<String[]> rows(AnalysisReport r) {
        List<String[]> rows = new ArrayList<>();
        SeverityReport s = r.severity();
        if (s == null) {
            return rows;
        }
        PercentageOfInfection poi = s.percentageOfInfection();
        rows.add(new String[] {"both lungs", involvement("infected", poi.total(), poi.unit())});
        rows.add(new String[] {"right lung", involvement("infected", poi.right(), poi.unit())});
        rows.add(new String[] {"left lung", involvement("infected", poi.left(), poi.unit())});
        for (WholeLungScore w : s.wholeLungScores()) {
            rows.add(new String[] {w.name(), w.applicable() ? w.reading() : "not applicable"});
        }
        rows.add(new String[] {"finding", s.finding().present() ? "infection present" : "no finding"});
        CovidDetection d = r.detection();
        if (d != null) {
            rows.add(new String[] {"COVID-19 detection", d.probability() == null ? "not run: " + d.notRun()
                    : String.format(Locale.ROOT, "probability %.2f (slice classifier, not a diagnosis)",
                            d.probability())});
        }
        r.input().notes().forEach(note -> rows.add(new String[] {"note", note}));
        return rows;
    }
}
