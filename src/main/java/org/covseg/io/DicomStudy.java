package org.covseg.io;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.covseg.CovsegException;

/**
 * The series of a DICOM folder, summarised from their headers (no pixels are read), and the one covseg would
 * analyse. {@link DicomSeriesReader} reads a series' volume.
 */
public final class DicomStudy {

    private final Path dir;
    private final DicomFolder folder;
    private final Map<String, DicomSeries> series;

    private DicomStudy(Path dir, DicomFolder folder, Map<String, DicomSeries> series) {
        this.dir = dir;
        this.folder = folder;
        this.series = series;
    }

    /** Reads the headers of the files directly in {@code dir}; fails when none is a DICOM image. */
    public static DicomStudy scan(Path dir) {
        DicomFolder folder = DicomFolder.scan(dir);
        if (folder.seriesUids().isEmpty()) {
            throw folder.noImages();
        }
        Map<String, DicomSeries> series = new LinkedHashMap<>();
        folder.seriesUids().stream()
                .map(uid -> DicomSeries.of(uid, folder.headers(uid), folder.withoutPixelData(uid)))
                .sorted(Comparator.comparing(DicomSeries::summary, SeriesSummary.BY_NUMBER))
                .forEach(s -> series.put(s.summary().uid(), s));
        return new DicomStudy(dir, folder, series);
    }

    /** Every series of the folder, by Series Number. */
    public List<SeriesSummary> series() {
        return series.values().stream().map(DicomSeries::summary).toList();
    }

    /** The series covseg analyses when none is named, and why. */
    public SeriesChoice choice() {
        return SeriesChooser.choose(series());
    }

    Path dir() {
        return dir;
    }

    DicomFolder folder() {
        return folder;
    }

    /** The series with this Series Instance UID; the error lists those there are. */
    DicomSeries series(String uid) {
        DicomSeries s = series.get(uid.trim());
        if (s == null) {
            throw new CovsegException("series " + uid + " is not in " + dir + "; available: " + String.join(", ",
                    series().stream().map(x -> x.uid() + " (" + x.name() + ", " + x.sliceCount() + " slices, "
                            + (x.modality().isEmpty() ? "no modality" : x.modality())
                            + (x.description().isEmpty() ? "" : ", \"" + x.description() + "\"") + ")").toList()));
        }
        return s;
    }
}
