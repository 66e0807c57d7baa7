package org.covseg.serve;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.covseg.CovsegException;
import org.covseg.io.AtomicFiles;
import org.covseg.io.FileTrees;

/**
 * The data folder's files: {@code incoming/} holds uploads being received and checked; each job has
 * {@code jobs/<id>/} with {@code input/} (the upload), {@code masks/} (masks uploaded with it), {@code result/}
 * (what {@code covseg analyze} writes, made atomically) and {@code viewer/} (the CT as NIfTI for the viewer, when
 * the upload was not NIfTI). Only ids the server made ever become paths.
 */
final class JobFolders {

    static final String INPUT = "input";
    static final String RESULT = "result";
    static final String VIEWER = "viewer";

    private final Path incoming;
    private final Path jobs;

    JobFolders(Path dataDir) {
        this.incoming = dataDir.resolve("incoming");
        this.jobs = dataDir.resolve("jobs");
        try {
            Files.createDirectories(incoming);
            Files.createDirectories(jobs);
            ownerOnly(incoming);
            ownerOnly(jobs);
        } catch (IOException e) {
            throw new CovsegException("cannot create folders in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /** Uploads are patients' scans: only the user running the server may read them. */
    private static void ownerOnly(Path dir) throws IOException {
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its defaults apply
        }
    }

    /** A new, empty folder for an upload being received. */
    Path newIncoming() {
        try {
            return Files.createTempDirectory(incoming, "upload-");
        } catch (IOException e) {
            throw new CovsegException("cannot create a folder in " + incoming + ": " + e.getMessage(), e);
        }
    }

    /** Where Jetty keeps multipart parts while a request is read. */
    Path multipartCache() {
        return incoming;
    }

    Path job(String id) {
        if (!JobIds.valid(id)) {
            throw new IllegalArgumentException("not a job id: " + id);
        }
        return jobs.resolve(id);
    }

    /** Makes a checked upload the job's folder, in one rename. */
    void adopt(Path upload, String id) {
        try {
            AtomicFiles.sync(upload);
            Files.move(upload, job(id), StandardCopyOption.ATOMIC_MOVE);
            AtomicFiles.syncDirectory(jobs);
        } catch (AtomicMoveNotSupportedException e) {
            throw new CovsegException("the data folder's file system cannot rename atomically", e);
        } catch (IOException e) {
            throw new CovsegException("cannot move the upload into place: " + e.getMessage(), e);
        }
    }

    /** Removes what a job produced (before it is run again), keeping what was uploaded. */
    void clearOutputs(String id) {
        Path dir = job(id);
        for (Path p : children(dir, p -> !Set.of(INPUT, JobMasks.FOLDER).contains(p.getFileName().toString()))) {
            delete(p);
        }
    }

    void deleteJob(String id) {
        delete(job(id));
    }

    /**
     * After a restart: removes uploads that were never queued and job folders the database does not know (a job
     * deleted, or an upload moved in, just before the server stopped).
     */
    void removeLeftovers(Set<String> knownIds) {
        children(incoming, p -> true).forEach(JobFolders::delete);
        children(jobs, p -> !knownIds.contains(p.getFileName().toString())).forEach(JobFolders::delete);
    }

    /** The ids of the job folders present. */
    Set<String> present() {
        return children(jobs, p -> JobIds.valid(p.getFileName().toString())).stream()
                .map(p -> p.getFileName().toString()).collect(Collectors.toSet());
    }

    private static List<Path> children(Path dir, Predicate<Path> which) {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return found;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            s.forEach(p -> {
                if (which.test(p)) {
                    found.add(p);
                }
            });
        } catch (IOException e) {
            throw new CovsegException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        return found;
    }

    static void delete(Path p) {
        try {
            FileTrees.delete(p);
        } catch (IOException e) {
            throw new CovsegException("cannot remove " + p + ": " + e.getMessage(), e);
        }
    }
}
