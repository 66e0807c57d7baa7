package org.covseg.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.covseg.CovsegException;

/**
 * The DICOM image files directly inside a folder (not in its subfolders), grouped by Series Instance UID. Only
 * headers are read. Files that are not DICOM images (DICOMDIR, text, structured reports) are set aside; an image
 * whose Pixel Data is missing (it has a series and Rows, but no 7FE0,0010) is kept apart in its series, so that it
 * can be named. A compressed file stops the scan, since its series cannot even be told.
 */
final class DicomFolder {

    static final String SERIES_UID = "0020,000E";
    static final String MODALITY = "0008,0060";
    static final String SERIES_DESCRIPTION = "0008,103E";
    private static final String ROWS = "0028,0010";

    private final Path dir;
    private final Map<String, List<DicomHeader>> series;
    private final Map<String, List<DicomHeader>> withoutPixelData;
    private final List<Path> ignored;
    private final List<Path> subfolders;

    private DicomFolder(Path dir, Map<String, List<DicomHeader>> series,
                        Map<String, List<DicomHeader>> withoutPixelData, List<Path> ignored, List<Path> subfolders) {
        this.dir = dir;
        this.series = series;
        this.withoutPixelData = withoutPixelData;
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
        Map<String, List<DicomHeader>> withoutPixelData = new LinkedHashMap<>();
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
            boolean image = header.has(DicomHeader.PIXEL_DATA);
            if (!image && !(header.has(SERIES_UID) && header.has(ROWS))) {
                ignored.add(entry);
                continue;
            }
            String uid = header.requiredText(SERIES_UID, "Series Instance UID");
            (image ? series : withoutPixelData).computeIfAbsent(uid, u -> new ArrayList<>()).add(header);
        }
        return new DicomFolder(dir, series, withoutPixelData, ignored, subfolders);
    }

    private static String headerDump(Path file) {
        try {
            return ImageJDicom.header(file);
        } catch (RuntimeException e) {
            DicomTransferSyntax.sniff(file).ifPresent(uid -> DicomTransferSyntax.requireUncompressed(file, uid));
            throw new CovsegException(file + ": ImageJ could not parse this file as DICOM (" + e
                    + "); if it is corrupt or not DICOM, remove it from the folder", e);
        } catch (OutOfMemoryError e) {
            // ImageJ allocates the length a data element declares before reading it: a corrupt length is up to 4 GB
            throw new CovsegException(file + ": a data element declares more bytes than memory allows (" + e.getMessage()
                    + "); the file is corrupt: remove it from the folder", e);
        }
    }

    /** The Series Instance UIDs found, those of series whose files all lack Pixel Data included. */
    Set<String> seriesUids() {
        Set<String> uids = new LinkedHashSet<>(series.keySet());
        uids.addAll(withoutPixelData.keySet());
        return uids;
    }

    /** The image files of a series, in file name order. */
    List<DicomHeader> headers(String seriesUid) {
        return series.getOrDefault(seriesUid, List.of());
    }

    /** The files of a series that lack Pixel Data (7FE0,0010), in file name order. */
    List<DicomHeader> withoutPixelData(String seriesUid) {
        return withoutPixelData.getOrDefault(seriesUid, List.of());
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
