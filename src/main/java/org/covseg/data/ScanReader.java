package org.covseg.data;

import java.nio.file.Path;

/**
 * One input format covseg reads as a {@link Scan}. {@link ScanReaders} holds one per format and is the only place
 * that chooses between them: a new input format is a new implementation and its line there.
 */
interface ScanReader {

    /** Whether {@code path}, which exists, is in this reader's format (by its ending, or a folder's contents). */
    boolean reads(Path path);

    /** The scan at {@code path}. */
    Scan read(Path path, ScanRequest request);

    /** The format as the error for an input no reader takes names it. */
    String description();
}
