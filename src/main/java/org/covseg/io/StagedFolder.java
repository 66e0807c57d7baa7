package org.covseg.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.covseg.CovsegException;

/**
 * Writes a set of files into a folder so that an interrupted run does not leave part of the set looking like all of
 * it: everything is written into a hidden staging folder, flushed to the disk, and moved into place only when all is
 * written. A new or empty folder appears in one rename; into a folder that already holds files the finished files are
 * moved one by one, which takes milliseconds, not the minutes the writing took. Nothing is left when the writer fails.
 */
public final class StagedFolder {

    private StagedFolder() {
    }

    /** Runs {@code writer} on a staging folder, moves what it wrote into {@code folder} and returns its result. */
    public static <T> T write(Path folder, Function<Path, T> writer) {
        Path target = folder.toAbsolutePath().normalize();
        Path parent = target.getParent();
        Path staging = null;
        try {
            boolean whole = !Files.exists(target) || isEmptyFolder(target);
            Files.createDirectories(parent);
            staging = whole ? Files.createTempDirectory(parent, "." + target.getFileName() + ".partial-")
                    : Files.createTempDirectory(target, ".covseg-partial-");
            AtomicFiles.readableByAll(staging);
            T result = writer.apply(staging);
            AtomicFiles.sync(staging);
            if (whole) {
                Files.deleteIfExists(target);
                move(staging, target);
                staging = null;
                AtomicFiles.syncDirectory(parent);
                return result;
            }
            try (Stream<Path> entries = Files.list(staging)) {
                for (Path p : entries.toList()) {
                    move(p, target.resolve(p.getFileName()));
                }
            }
            AtomicFiles.syncDirectory(target);
            return result;
        } catch (IOException e) {
            throw new CovsegException("cannot write the outputs to " + target + ": " + e.getMessage(), e);
        } finally {
            if (staging != null) {
                deleteQuietly(staging);
            }
        }
    }

    /** {@link #write} for a writer that returns the files it wrote: returns where they are now. */
    public static List<Path> writeFiles(Path folder, Function<Path, List<Path>> writer) {
        Path target = folder.toAbsolutePath().normalize();
        return write(folder, writer).stream().map(p -> target.resolve(p.getFileName())).toList();
    }

    private static boolean isEmptyFolder(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(path)) {
            return entries.findAny().isEmpty();
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
