package org.covseg.serve;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.covseg.CovsegException;
import org.covseg.analysis.StudyOutputs;
import org.covseg.io.FileNames;

/**
 * The files a finished job offers, by name: what {@code covseg analyze} wrote, and the CT for the viewer (the
 * uploaded NIfTI itself, or the NIfTI written from a DICOM series). A client names a file only by a name from
 * this list; no name a client sends is ever made into a path.
 */
final class ResultFiles {

    /** What a file is, for the client to present it. */
    enum Kind { REPORT, PICTURE, MASK, CT }

    /** A file offered: where it is and what it is. */
    record Entry(Path path, Kind kind, long bytes) {
    }

    private final Map<String, Entry> byName;

    private ResultFiles(Map<String, Entry> byName) {
        this.byName = byName;
    }

    static ResultFiles of(StoredJob job, JobFolders folders) {
        Map<String, Entry> files = new LinkedHashMap<>();
        if (job.state() != JobState.DONE) {
            return new ResultFiles(files);
        }
        Path dir = folders.job(job.id());
        if (FileNames.isNifti(job.input())) {
            String name = job.input().endsWith(".gz") ? JobRunner.VIEWER_CT : "ct.nii";
            add(files, name, dir.resolve(job.input()), Kind.CT);
        }
        Path viewerCt = dir.resolve(JobFolders.VIEWER).resolve(JobRunner.VIEWER_CT);
        if (Files.isRegularFile(viewerCt)) {
            add(files, JobRunner.VIEWER_CT, viewerCt, Kind.CT);
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir.resolve(JobFolders.RESULT))) {
            for (Path p : s) {
                if (Files.isRegularFile(p)) {
                    String name = p.getFileName().toString();
                    add(files, name, p, kind(name));
                }
            }
        } catch (IOException e) {
            throw new CovsegException("cannot list the results of job " + job.id() + ": " + e.getMessage(), e);
        }
        return new ResultFiles(files);
    }

    Map<String, Entry> byName() {
        return byName;
    }

    Optional<Entry> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The first file whose name ends with {@code suffix}, for the viewer. */
    Optional<String> endingWith(String suffix) {
        return byName.keySet().stream().filter(n -> n.endsWith(suffix)).sorted().findFirst();
    }

    private static void add(Map<String, Entry> files, String name, Path path, Kind kind) {
        try {
            files.put(name, new Entry(path, kind, Files.size(path)));
        } catch (IOException e) {
            throw new CovsegException("cannot read the size of " + path + ": " + e.getMessage(), e);
        }
    }

    private static Kind kind(String name) {
        if (name.equals(StudyOutputs.JSON) || name.equals(StudyOutputs.HTML) || name.equals(StudyOutputs.PDF)) {
            return Kind.REPORT;
        }
        return name.equals(StudyOutputs.OVERVIEW) ? Kind.PICTURE : Kind.MASK;
    }
}
