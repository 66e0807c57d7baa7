package org.covseg.cohort;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.covseg.CovsegException;
import org.covseg.data.Scans;
import org.covseg.io.FileNames;

/**
 * The studies a cohort run analyses, read from what the user names (a local path or any Hadoop URI):
 * <ul>
 *   <li>a folder: each NIfTI file ({@code .nii}, {@code .nii.gz}) and each sub-folder (a DICOM series or study, or a
 *   folder of images) is one study; hidden entries are skipped;</li>
 *   <li>a text file ({@code .txt}): one study path per line; blank lines and lines starting with # are skipped;</li>
 *   <li>a CSV file ({@code .csv}) with a header naming the column {@code path} and optionally {@code study_id} and
 *   {@code series} (a DICOM series UID).</li>
 * </ul>
 * Relative paths in a manifest are taken from the manifest's folder. A study's id is its {@code study_id} or its
 * name (without .nii/.nii.gz), in safe characters; a repeated id gets -2, -3, ...
 */
final class CohortManifest {

    private CohortManifest() {
    }

    static List<CohortStudy> read(String location) {
        Path path = new Path(location);
        try {
            FileSystem fs = FileSystems.of(path);
            if (!fs.exists(path)) {
                throw new CovsegException("no such file or folder: " + location);
            }
            FileStatus status = fs.getFileStatus(path);
            String name = path.getName().toLowerCase(Locale.ROOT);
            List<String[]> entries = status.isDirectory() ? folder(fs, path)
                    : name.endsWith(".csv") ? csv(fs, path) : name.endsWith(".txt") ? lines(fs, path)
                    : List.<String[]>of(new String[] {null, fs.makeQualified(path).toString(), null});
            if (entries.isEmpty()) {
                throw new CovsegException(location + " names no study");
            }
            return withIds(entries);
        } catch (IOException e) {
            throw new CovsegException("cannot read " + location + ": " + e.getMessage(), e);
        }
    }

    private static List<String[]> folder(FileSystem fs, Path dir) throws IOException {
        List<String[]> studies = new ArrayList<>();
        FileStatus[] children = fs.listStatus(dir);
        Arrays.sort(children, (a, b) -> a.getPath().getName().compareTo(b.getPath().getName()));
        for (FileStatus c : children) {
            String n = c.getPath().getName();
            if (n.startsWith(".") || n.startsWith("_")) {
                continue;
            }
            if (c.isDirectory() || Scans.isVolumeFile(n)) {
                studies.add(new String[] {null, c.getPath().toString(), null});
            }
        }
        return studies;
    }

    private static List<String[]> lines(FileSystem fs, Path file) throws IOException {
        List<String[]> studies = new ArrayList<>();
        for (String line : read(fs, file)) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("#")) {
                studies.add(new String[] {null, resolve(file, l), null});
            }
        }
        return studies;
    }

    private static List<String[]> csv(FileSystem fs, Path file) throws IOException {
        List<String> rows = read(fs, file);
        if (rows.isEmpty()) {
            throw new CovsegException(file + " is empty: a cohort CSV needs a header with the column 'path'");
        }
        List<String> header = Arrays.stream(rows.get(0).split(",", -1)).map(h -> h.strip().toLowerCase(Locale.ROOT))
                .toList();
        int path = header.indexOf("path");
        int id = header.indexOf("study_id");
        int series = header.indexOf("series");
        if (path < 0) {
            throw new CovsegException(file + ": the header has no column 'path' (found: " + rows.get(0) + ")");
        }
        List<String[]> studies = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            if (rows.get(i).isBlank()) {
                continue;
            }
            String[] cells = rows.get(i).split(",", -1);
            if (cells.length != header.size()) {
                throw new CovsegException(file + " line " + (i + 1) + " has " + cells.length + " cells, the header "
                        + header.size() + " (commas inside a cell are not supported)");
            }
            studies.add(new String[] {cell(cells, id), resolve(file, cells[path].strip()), cell(cells, series)});
        }
        return studies;
    }

    private static String cell(String[] cells, int column) {
        return column < 0 || cells[column].isBlank() ? null : cells[column].strip();
    }

    private static List<String> read(FileSystem fs, Path file) throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(fs.open(file), StandardCharsets.UTF_8))) {
            return r.lines().toList();
        }
    }

    private static String resolve(Path manifest, String entry) {
        Path p = new Path(entry);
        return p.isAbsoluteAndSchemeAuthorityNull() || p.toUri().getScheme() != null ? entry
                : new Path(manifest.getParent(), entry).toString();
    }

    private static List<CohortStudy> withIds(List<String[]> entries) {
        Map<String, Integer> seen = new HashMap<>();
        List<CohortStudy> studies = new ArrayList<>();
        for (String[] e : entries) {
            String base = safe(e[0] != null ? e[0] : nameOf(e[1]));
            int n = seen.merge(base, 1, Integer::sum);
            studies.add(new CohortStudy(n == 1 ? base : base + "-" + n, e[1], e[2]));
        }
        return studies;
    }

    private static String nameOf(String path) {
        String n = new Path(path).getName();
        return Scans.isVolumeFile(n) ? FileNames.withoutExtension(n) : n;
    }

    private static String safe(String id) {
        String s = FileNames.safe(id);
        return s.isEmpty() ? "study" : s;
    }

}
