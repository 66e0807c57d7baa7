package org.covseg.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.covseg.CovsegException;

/**
 * Writes a set of files into a folder so that an interrupted run does not leave part of the set looking like all of
 * it: the files are written into a hidden staging folder and moved into place only when all are written. A new
 * folder appears in one rename; into an existing folder the finished files are moved one by one, which takes
 * milliseconds, not the minutes the writing took.
 */
public final class StagedFolder {

    private StagedFolder() {
    }

    /**
     * Runs {@code writer} on a staging folder (it returns the files it wrote there) and moves them into {@code folder};
     * returns their final paths. Nothing is left in {@code folder} when {@code writer} fails.
     */
    public static List<Path> write(Path folder, Function<Path, List<Path>> writer) {
        Path target = folder.toAbsolutePath().normalize();
        boolean fresh = !Files.exists(target);
        Path staging = null;
        try {
            Files.createDirectories(target.getParent());
            staging = fresh ? Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".partial-")
                    : Files.createTempDirectory(target, ".covseg-partial-");
            AtomicFiles.readableByAll(staging);
            List<Path> staged = writer.apply(staging);
            AtomicFiles.sync(staging);
            List<Path> placed = new ArrayList<>();
            if (fresh) {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                AtomicFiles.syncDirectory(target.getParent());
                staging = null;
                for (Path p : staged) {
                    placed.add(target.resolve(p.getFileName()));
                }
                return placed;
            }
            for (Path p : staged) {
                Path to = target.resolve(p.getFileName());
                move(p, to);
                placed.add(to);
            }
            AtomicFiles.syncDirectory(target);
            return placed;
        } catch (IOException e) {
            throw new CovsegException("cannot write the outputs to " + target + ": " + e.getMessage(), e);
        } finally {
            if (staging != null) {
                deleteQuietly(staging);
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path staging) {
        try {
            FileTrees.delete(staging);
        } catch (IOException | UncheckedIOException e) {
            // the failure being reported matters more than a leftover hidden folder
        }
    }
}
