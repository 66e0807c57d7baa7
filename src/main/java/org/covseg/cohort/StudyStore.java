package org.covseg.cohort;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.covseg.analysis.StudyOutputs;
import org.covseg.io.FileTrees;

/**
 * The studies' outputs under the output root ({@code studies/<id>/}), on the local disk or any Hadoop file system.
 * A study's folder appears in one rename, already holding {@value #ROW} (its cohort row and the size of every file):
 * a folder without it, or whose files or report.json do not match it, is not complete and is analysed again.
 */
final class StudyStore implements Serializable {

    static final String ROW = "cohort-row.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What {@value #ROW} holds. */
    record Marker(CohortRow row, Map<String, Long> files) {
    }

    private final String root;

    StudyStore(String outputRoot) {
        this.root = outputRoot;
    }

    String location(String id) {
        return studies().suffix("/" + id).toString();
    }

    /** The row of the study's outputs when they are complete; empty when absent or incomplete. */
    Optional<CohortRow> complete(String id) throws IOException {
        FileSystem fs = fs();
        Path dir = new Path(studies(), id);
        Path marker = new Path(dir, ROW);
        if (!fs.exists(marker)) {
            return Optional.empty();
        }
        Marker m;
        try (InputStream in = fs.open(marker)) {
            m = JSON.readValue(in, Marker.class);
        } catch (IOException e) {
            return Optional.empty();
        }
        for (Map.Entry<String, Long> f : m.files().entrySet()) {
            Path p = new Path(dir, f.getKey());
            if (!fs.exists(p) || fs.getFileStatus(p).getLen() != f.getValue()) {
                return Optional.empty();
            }
        }
        try (InputStream in = fs.open(new Path(dir, StudyOutputs.JSON))) {
            JSON.readTree(in);
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.of(m.row());
    }

    /**
     * Where the analysis writes the study's outputs before {@link #publish}: beside their place for a local output
     * root (so that publishing is one rename), else in the executor's {@code work} folder.
     */
    java.nio.file.Path unpublished(String id, java.nio.file.Path work) {
        return isLocal() ? java.nio.file.Path.of(partial(id).toUri()) : work.resolve(id);
    }

    /**
     * Writes {@value #ROW} into {@code local} (from {@link #unpublished}) and moves the folder to the study's place,
     * replacing an incomplete one. Returns false when another attempt of the same study published first.
     */
    boolean publish(java.nio.file.Path local, CohortRow row) throws IOException {
        Map<String, Long> files = new LinkedHashMap<>();
        try (Stream<java.nio.file.Path> s = Files.list(local)) {
            for (java.nio.file.Path p : s.sorted().toList()) {
                files.put(p.getFileName().toString(), Files.size(p));
            }
        }
        try (OutputStream out = Files.newOutputStream(local.resolve(ROW))) {
            JSON.writerWithDefaultPrettyPrinter().writeValue(out, new Marker(row, files));
        }
        FileSystem fs = fs();
        Path dir = new Path(studies(), row.studyId());
        Path partial = new Path(local.toUri());
        if (!isLocal()) {
            partial = partial(row.studyId());
            fs.mkdirs(studies());
            fs.copyFromLocalFile(false, true, new Path(local.toUri()), partial);
        }
        if (fs.exists(dir)) {
            if (complete(row.studyId()).isPresent()) {
                fs.delete(partial, true);
                return false;
            }
            fs.delete(dir, true);
        }
        // Hadoop moves a folder renamed onto an existing one inside it: the target was made absent just above
        if (!fs.rename(partial, dir)) {
            fs.delete(partial, true);
            return false;
        }
        return true;
    }

    private Path partial(String id) {
        return new Path(studies(), "." + id + ".partial-" + UUID.randomUUID());
    }

    /** Removes what earlier attempts at this study left half-written. */
    void clearPartials(String id) throws IOException {
        FileSystem fs = fs();
        // ours, and the temporary folder StudyOutputs makes beside it
        for (String pattern : new String[] {"." + id + ".partial-*", ".." + id + ".partial-*"}) {
            FileStatus[] left = fs.globStatus(new Path(studies(), pattern));
            if (left != null) {
                for (FileStatus f : left) {
                    fs.delete(f.getPath(), true);
                }
            }
        }
    }

    /** The study's input as a local path: itself when local, else copied into {@code work}. */
    java.nio.file.Path localInput(String path, java.nio.file.Path work) throws IOException {
        Path source = new Path(path);
        if (FileSystems.isLocal(source)) {
            return source.toUri().getScheme() == null ? java.nio.file.Path.of(path)
                    : java.nio.file.Path.of(source.toUri());
        }
        java.nio.file.Path target = work.resolve("input").resolve(source.getName());
        Files.createDirectories(target.getParent());
        FileSystems.of(source).copyToLocalFile(false, source, new Path(target.toUri()), true);
        return target;
    }

    static void deleteLocal(java.nio.file.Path dir) {
        try {
            FileTrees.delete(dir);
        } catch (IOException e) {
            // a temporary folder of the executor: its disk is cleaned with it
        }
    }

    private boolean isLocal() {
        return FileSystems.isLocal(new Path(root));
    }

    /** The studies' folder, with its scheme ({@code file:} for a local root given as a plain path). */
    private Path studies() {
        Path r = new Path(root);
        boolean plain = r.toUri().getScheme() == null;
        return new Path(plain ? new Path(java.nio.file.Path.of(root).toAbsolutePath().toUri()) : r, "studies");
    }

    private FileSystem fs() throws IOException {
        return FileSystems.of(studies());
    }
}
