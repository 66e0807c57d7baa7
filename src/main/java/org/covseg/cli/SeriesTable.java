package org.covseg.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.covseg.io.DicomStudy;
import org.covseg.io.SeriesChoice;
import org.covseg.io.SeriesSummary;

/** The series of a DICOM folder as {@code covseg info} lists them: one row each, then covseg's choice. */
final class SeriesTable {

    private static final String[] HEADINGS = {"number", "orientation", "slices", "thickness", "z-range (mm)",
        "kernel", "description", "series UID"};

    private SeriesTable() {
    }

    /** The lines; {@code readUid} is the series read below them (null: covseg's choice), marked with '*'. */
    static List<String> lines(DicomStudy study, String readUid) {
        List<SeriesSummary> series = study.series();
        SeriesChoice choice = study.choice();
        String marked = readUid != null ? readUid.trim()
                : choice.series().map(SeriesSummary::uid).orElse(null);
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADINGS);
        series.forEach(s -> rows.add(row(s)));
        int[] widths = new int[HEADINGS.length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(label("series") + series.size() + " in the folder" + (marked == null ? ""
                : " (* the one read below)"));
        for (int r = 0; r < rows.size(); r++) {
            SeriesSummary s = r == 0 ? null : series.get(r - 1);
            String mark = s != null && s.uid().equals(marked) ? "* " : "  ";
            lines.add(("  " + mark + join(rows.get(r), widths)).stripTrailing());
            if (s != null) {
                s.leftOut().forEach(note -> lines.add("        " + note));
                if (!s.readable()) {
                    lines.add("        not readable: " + s.problem());
                }
            }
        }
        lines.add(label("choice") + choice.line());
        return lines;
    }

    private static String[] row(SeriesSummary s) {
        boolean geometry = !Double.isNaN(s.zMin());
        return new String[] {
            s.number().isEmpty() ? "-" : s.number(),
            s.orientation().label() + (s.localizer() ? " localizer" : ""),
            Integer.toString(s.sliceCount()),
            geometry ? s.sliceGeometry() : "-",
            geometry ? String.format(Locale.ROOT, "%.1f .. %.1f", s.zMin(), s.zMax()) : "-",
            s.kernel().isEmpty() ? "-" : s.kernel(),
            s.description().isEmpty() ? "-" : s.description(),
            s.uid()};
    }

    private static String join(String[] row, int[] widths) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < row.length; c++) {
            sb.append(String.format(Locale.ROOT, "%-" + (widths[c] + 2) + "s", row[c]));
        }
        return sb.toString();
    }

    /** A label padded as in {@link org.covseg.data.ScanDescription}. */
    private static String label(String label) {
        return String.format(Locale.ROOT, "%-14s ", label);
    }
}
