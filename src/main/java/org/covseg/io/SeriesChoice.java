package org.covseg.io;

import java.util.Optional;

/** The series covseg would analyse among those of a folder and why, or why none fits. */
public final class SeriesChoice {

    private final SeriesSummary series;
    private final String reason;

    private SeriesChoice(SeriesSummary series, String reason) {
        this.series = series;
        this.reason = reason;
    }

    static SeriesChoice of(SeriesSummary series, String reason) {
        return new SeriesChoice(series, reason);
    }

    static SeriesChoice none(String reason) {
        return new SeriesChoice(null, reason);
    }

    /** The chosen series; empty when none fits. */
    public Optional<SeriesSummary> series() {
        return Optional.ofNullable(series);
    }

    /** Why this series (the criteria that set the others aside), or why none fits. */
    public String reason() {
        return reason;
    }

    /** One line, e.g. "series 601 (1.2.3...): covers the study's upper 300 mm, ...", or the reason none fits. */
    public String line() {
        return series == null ? reason : series.name() + " (" + series.uid() + "): " + reason;
    }
}
