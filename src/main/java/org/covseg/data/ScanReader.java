package org.covseg.data;

import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * One input format covseg reads as a {@link Scan}. {@link ScanReaders} holds one per format and is the only place
 * that chooses between them: a new input format is a new implementation and its line there.
 */
interface ScanReader {

    /** Whether {@code path}, which exists, is in this reader's format (by its ending, or a folder's contents). */
    boolean reads(Path path);

    /** The scan at {@code path}. */
    Scan read(Path path, ScanRequest request);

    /**
     * Whether a file named {@code fileName} is, by its name alone, one whole volume in this format (a study of its own
     * in a folder of studies); false for formats read from folders or as 2-D images.
     */
    default boolean isVolumeFile(String fileName) {
        return false;
    }

    /**
     * The voxel count {@code path}'s header declares, read without its voxels; empty for formats that cannot tell
     * before reading.
     */
    default OptionalLong declaredVoxels(Path path) {
        return OptionalLong.empty();
    }

    /** The format as the error for an input no reader takes names it. */
    String description();
}
