package org.covseg.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Chooses the series of a study to analyse, from the series' summaries alone: an axial CT series that covers the
 * lungs, with the thinnest slices, preferring a lung (sharp) kernel between series of comparable coverage and
 * thickness, and among equals the one that reaches least beyond the chest. Each criterion narrows the candidates
 * left by the one before, and the reason names every criterion that set a series aside.
 *
 * <p>Where the lungs lie is estimated without pixels: a chest or thorax-abdomen-pelvis scan starts just above the
 * lung apices, so the lungs lie in the upper 300 mm ({@link #CHEST_LENGTH_MM}) of the study (its highest axial series);
 * all series of a folder are taken to share the scanner's table coordinates, as those of one study do. This is why
 * an abdomen-pelvis series, however many slices it has, loses to the chest series above it. A study that starts
 * higher, at the head or neck, would mislead it unless its series' descriptions name those regions.
 */
public final class SeriesChooser {

    /** How far below the top of a chest scan the lungs reach, in mm. */
    static final double CHEST_LENGTH_MM = 300;
    /** Coverages within this fraction of the best one are comparable. */
    private static final double COMPARABLE_COVERAGE = 0.10;
    /** Slices up to this many times as thick as the thinnest are comparable. */
    private static final double COMPARABLE_THICKNESS = 1.5;
    /** Lengths this close, in mm, are the same (a slice or so). */
    private static final double COMPARABLE_LENGTH_MM = 10;
    private static final int LISTED = 4;

    private SeriesChooser() {
    }

    public static SeriesChoice choose(List<SeriesSummary> series) {
        if (series.stream().noneMatch(SeriesChooser::isCt)) {
            return SeriesChoice.none("no CT series: found " + list(series, s -> s.name() + " (" + kind(s) + ")", ", ")
                    + "; covseg reads CT only");
        }
        if (series.stream().noneMatch(SeriesChooser::isAxialCt)) {
            return SeriesChoice.none(series.size() == 1 && !series.get(0).readable() ? series.get(0).problem()
                    : "no axial CT series to analyse: " + list(series, SeriesChooser::whyNot, "; "));
        }
        Narrowing n = new Narrowing(series);
        n.prefer("an axial CT series covseg can read", SeriesChooser::isAxialCt, SeriesChooser::kind);
        n.prefer("not named as another body region",
                s -> !BodyRegionNames.onlyOtherThanChest(s.description(), s.bodyPart()),
                SeriesChooser::naming);

        double top = n.highest(SeriesSummary::zMax);
        ToDoubleFunction<SeriesSummary> coverage = s -> chestCoverage(s, top);
        double bestCoverage = n.highest(coverage);
        n.prefer(String.format(Locale.ROOT, "covers the study's upper %.0f mm, where the lungs lie", CHEST_LENGTH_MM),
                s -> coverage.applyAsDouble(s) >= bestCoverage - COMPARABLE_COVERAGE,
                s -> String.format(Locale.ROOT, "%.0f%%", 100 * coverage.applyAsDouble(s)));

        double thinnest = n.lowest(SeriesChooser::effectiveThickness);
        n.prefer("thin slices", s -> effectiveThickness(s) <= COMPARABLE_THICKNESS * thinnest,
                SeriesSummary::sliceGeometry);
        n.prefer("lung (sharp) kernel", s -> ConvolutionKernels.isSharp(s.kernel()),
                s -> s.kernel().isEmpty() ? "no kernel given" : s.kernel());
        double thinnestLeft = n.lowest(SeriesChooser::effectiveThickness);
        n.prefer("thinnest slices", s -> effectiveThickness(s) <= thinnestLeft, SeriesSummary::sliceGeometry);
        ToDoubleFunction<SeriesSummary> beyond = s -> s.zExtent() - CHEST_LENGTH_MM * coverage.applyAsDouble(s);
        double least = n.lowest(beyond);
        n.prefer("reaches least beyond the chest", s -> beyond.applyAsDouble(s) <= least + COMPARABLE_LENGTH_MM,
                s -> String.format(Locale.ROOT, "%.0f mm beyond", beyond.applyAsDouble(s)));
        SeriesSummary first = n.remaining().stream().min(SeriesSummary.BY_NUMBER).orElseThrow();
        n.prefer("first by Series Number", s -> s.number().equals(first.number()),
                s -> s.number().isEmpty() ? "none" : s.number());
        n.prefer("first by UID", s -> s == first, SeriesSummary::uid);
        return n.choice();
    }

    private static boolean isCt(SeriesSummary s) {
        return s.modality().equals("CT");
    }

    private static boolean isAxialCt(SeriesSummary s) {
        return isCt(s) && s.readable() && !s.localizer() && s.orientation() == SeriesOrientation.AXIAL;
    }

    /** E.g. "axial CT", "localizer", "MR", "not readable". */
    private static String kind(SeriesSummary s) {
        if (!isCt(s)) {
            return s.modality().isEmpty() ? "no modality" : s.modality();
        }
        if (!s.readable()) {
            return "not readable";
        }
        return s.localizer() ? "localizer" : s.orientation().label() + " CT";
    }

    /** E.g. "ABD PELVIS 5mm" (quoted), from the description and Body Part Examined. */
    private static String naming(SeriesSummary s) {
        String text = String.join(" ", s.description(), s.bodyPart()).trim();
        return text.isEmpty() ? "no description" : "\"" + text + "\"";
    }

    private static String whyNot(SeriesSummary s) {
        String why;
        if (!isCt(s) || !s.readable()) {
            why = isCt(s) ? s.problem() : kind(s) + ", not CT";
        } else if (s.localizer()) {
            why = "localizer (scout) images only";
        } else {
            why = s.orientation().label() + " (to read it restacked into axial slices, pass --series " + s.uid() + ")";
        }
        return s.name() + ": " + why;
    }

    /** The fraction of the chest, the {@link #CHEST_LENGTH_MM} below {@code top}, that the series spans. */
    private static double chestCoverage(SeriesSummary s, double top) {
        double overlap = Math.min(s.zMax(), top) - Math.max(s.zMin(), top - CHEST_LENGTH_MM);
        return Math.max(0, overlap) / CHEST_LENGTH_MM;
    }

    /** The depth one slice stands for: its thickness, or the spacing when slices lie farther apart. */
    private static double effectiveThickness(SeriesSummary s) {
        double t = s.sliceThickness();
        double d = s.sliceSpacing();
        return Double.isNaN(t) ? d : Double.isNaN(d) ? t : Math.max(t, d);
    }

    private static String list(List<SeriesSummary> series, Function<SeriesSummary, String> describe,
                               String separator) {
        String shown = series.stream().limit(LISTED).map(describe).collect(Collectors.joining(separator));
        return series.size() > LISTED ? shown + separator + "and " + (series.size() - LISTED) + " more" : shown;
    }

    /** The candidates left, and each criterion that set some aside. */
    private static final class Narrowing {

        private List<SeriesSummary> remaining;
        private final List<Step> steps = new ArrayList<>();

        Narrowing(List<SeriesSummary> series) {
            this.remaining = List.copyOf(series);
        }

        List<SeriesSummary> remaining() {
            return remaining;
        }

        double lowest(ToDoubleFunction<SeriesSummary> key) {
            return remaining.stream().mapToDouble(key).min().orElseThrow();
        }

        double highest(ToDoubleFunction<SeriesSummary> key) {
            return remaining.stream().mapToDouble(key).max().orElseThrow();
        }

        /** Keeps the series that meet the criterion, unless none does. */
        void prefer(String criterion, Predicate<SeriesSummary> meets, Function<SeriesSummary, String> value) {
            List<SeriesSummary> kept = remaining.stream().filter(meets).toList();
            if (!kept.isEmpty() && kept.size() < remaining.size()) {
                steps.add(new Step(criterion, value, remaining.stream().filter(s -> !kept.contains(s)).toList()));
                remaining = kept;
            }
        }

        SeriesChoice choice() {
            SeriesSummary chosen = remaining.get(0);
            String reason = steps.isEmpty() ? "the only series"
                    : steps.stream().map(step -> step.explain(chosen)).collect(Collectors.joining("; "));
            return SeriesChoice.of(chosen, reason);
        }
    }

    /** A criterion, how a series measures on it, and the series it set aside. */
    private record Step(String criterion, Function<SeriesSummary, String> value, List<SeriesSummary> setAside) {

        String explain(SeriesSummary chosen) {
            return criterion + " (" + value.apply(chosen) + "; " + list(setAside, s -> s.name() + ": "
                    + value.apply(s), ", ") + ")";
        }
    }
}
