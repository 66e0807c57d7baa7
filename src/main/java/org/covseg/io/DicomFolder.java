package org.covseg.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.covseg.CovsegException;

/**
 * The DICOM image files directly inside a folder (not in its subfolders), grouped by Series Instance UID. Only
 * headers are read. Files that are not DICOM images (DICOMDIR, text, structured reports, anything without pixel
 * data) are set aside; a compressed file stops the scan, since its series cannot even be told.
 */
final class DicomFolder {

    static final String SERIES_UID = "0020,000E";
    static final String MODALITY = "0008,0060";
    static final String SERIES_DESCRIPTION = "0008,103E";

    private final Path dir;
    private final Map<String, List<DicomHeader>> series;
    private final List<Path> ignored;
    private final List<Path> subfolders;

    private DicomFolder(Path dir, Map<String, List<DicomHeader>> series, List<Path> ignored, List<Path> subfolders) {
        this.dir = dir;
        this.series = series;
        this.ignored = ignored;
        this.subfolders = subfolders;
    }

    static DicomFolder scan(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new CovsegException(dir + (Files.exists(dir) ? " is not a folder" : " does not exist")
                    + "; pass the folder that holds the DICOM files of the series");
        }
        List<Path> entries;
        try (Stream<Path> list = Files.list(dir)) {
            entries = list.sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new CovsegException("cannot list folder " + dir + ": " + e.getMessage(), e);
        }
        Map<String, List<DicomHeader>> series = new LinkedHashMap<>();
        List<Path> ignored = new ArrayList<>();
        List<Path> subfolders = new ArrayList<>();
        for (Path entry : entries) {
            if (Files.isDirectory(entry)) {
                subfolders.add(entry);
                continue;
            }
            if (!Files.isReadable(entry)) {
                throw new CovsegException("cannot read file " + entry + " (check its permissions)");
            }
            DicomHeader header = DicomHeader.parse(entry, headerDump(entry));
            if (header.isEmpty()) {
                ignored.add(entry);
                continue;
            }
            DicomTransferSyntax.requireUncompressed(entry, header.text(DicomHeader.TRANSFER_SYNTAX).orElse(""));
            if (!header.has(DicomHeader.PIXEL_DATA)) {
                ignored.add(entry);
                continue;
            }
            String uid = header.requiredText(SERIES_UID, "Series Instance UID");
            series.computeIfAbsent(uid, u -> new ArrayList<>()).add(header);
        }
        return new DicomFolder(dir, series, ignored, subfolders);
    }

    private static String headerDump(Path file) {
        try {
            return ImageJDicom.header(file);
        } catch (RuntimeException e) {
            DicomTransferSyntax.sniff(file).ifPresent(uid -> DicomTransferSyntax.requireUncompressed(file, uid));
            throw new CovsegException(file + ": ImageJ could not parse this file as DICOM (" + e
                    + "); if it is corrupt or not DICOM, remove it from the folder", e);
        }
    }

    /** The series found, most slices first (ties by UID, so the choice never depends on the file system). */
    List<DicomSeriesInfo> series() {
        return series.entrySet().stream()
                .map(e -> {
                    DicomHeader first = e.getValue().get(0);
                    return new DicomSeriesInfo(e.getKey(), first.text(MODALITY).orElse(""),
                            first.text(SERIES_DESCRIPTION).orElse(""), e.getValue().size());
                })
                .sorted(Comparator.comparingInt(DicomSeriesInfo::sliceCount).reversed()
                        .thenComparing(DicomSeriesInfo::uid))
                .toList();
    }

    List<DicomHeader> headers(String seriesUid) {
        return series.getOrDefault(seriesUid, List.of());
    }

    List<Path> ignored() {
        return ignored;
    }

    /** The error for a folder with no DICOM image, saying what was there instead. */
    CovsegException noImages() {
        StringBuilder msg = new StringBuilder("no DICOM image files in " + dir);
        if (!ignored.isEmpty()) {
            msg.append(" (").append(ignored.size()).append(" other file").append(ignored.size() == 1 ? "" : "s")
                    .append(": ").append(names(ignored)).append(')');
        }
        if (!subfolders.isEmpty()) {
            msg.append("; covseg does not look into subfolders, pass the one that holds the series: ")
                    .append(names(subfolders));
        }
        return new CovsegException(msg.toString());
    }

    /** Up to five file names, then how many more. */
    static String names(List<Path> paths) {
        int shown = Math.min(5, paths.size());
        StringBuilder sb = new StringBuilder();
        for (int n = 0; n < shown; n++) {
            sb.append(n == 0 ? "" : ", ").append(paths.get(n).getFileName());
        }
        if (paths.size() > shown) {
            sb.append(" and ").append(paths.size() - shown).append(" more");
        }
        return sb.toString();
    }
}
