package org.covseg.report;

import java.util.Locale;
import org.covseg.severity.PercentageOfInfection.LungInvolvement;

/** The plain-text forms of report numbers, shared by the HTML and PDF reports. */
final class ReportText {

    private ReportText() {
    }

    /** One lung's POI; with an infection mask that has classes, also ground-glass opacity and consolidation. */
    static String involvement(String lung, LungInvolvement l, String unit) {
        String any = String.format(Locale.ROOT, "%s: %s (%s of %s %s)", lung, percent(l.any().percent()),
                number(l.any().infected().value()), number(l.lung().value()), unit);
        if (l.groundGlass() == null) {
            return any;
        }
        return any + String.format(Locale.ROOT, "; ground-glass %s, consolidation %s",
                percent(l.groundGlass().percent()), percent(l.consolidation().percent()));
    }

    static String percent(Double p) {
        return p == null ? "n/a (no lung)" : String.format(Locale.ROOT, "%.1f%%", p);
    }

    /** Amounts as a reader wants them: whole numbers above 100, one decimal above 1, two digits below. */
    static String number(double v) {
        double a = Math.abs(v);
        if (a == 0) {
            return "0";
        }
        return String.format(Locale.ROOT, a >= 100 ? "%,.0f" : a >= 1 ? "%.1f" : "%.2g", v);
    }

    /** Spacings as "0.7 x 0.7 x 5". */
    static String spacing(double[] values) {
        StringBuilder b = new StringBuilder();
        for (double v : values) {
            b.append(b.length() == 0 ? "" : " x ").append(String.format(Locale.ROOT, "%.4g", v));
        }
        return b.toString();
    }

    /** What a detection probability was made from, in a few words. */
    static String detectionBasis(CovidDetection d) {
        return "study".equals(d.scope()) ? String.format(Locale.ROOT, "study: mean of the top %d of %d lung slices",
                d.slicesAveraged(), d.lungSlices()) : "this image's probability";
    }

    /** What the overview sheet shows. */
    static final String OVERVIEW_LEGEND = "Twelve axial slices evenly spaced from the first slice to the last, and a"
            + " coronal view through the middle of the lungs: everything covseg took for lung is outlined (right blue,"
            + " left cyan), infection filled (ground-glass yellow, consolidation magenta, or red). Infection the"
            + " network found outside the lungs is drawn too but counts in no percentage or score; lung in the neck or"
            + " the abdomen would show here.";

    /** The sentence saying how the engine computed the networks. */
    static String numericsSentence(NumericsInfo n) {
        return "The networks ran in numerics mode " + n.mode() + " (" + n.description() + "), which passed the engine "
                + "self-check on the machine that ran them.";
    }
}
