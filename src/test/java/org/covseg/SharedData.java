package org.covseg;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The developers' data folder {@code ../shared} (real COVID CT data and fixtures, never committed).
 * A user's clone has no such folder: tests that need it call {@link #require} and are skipped with a message.
 */
public final class SharedData {

    private static final Path ROOT = Path.of("..", "shared").toAbsolutePath().normalize();

    private SharedData() {
    }

    /** The path below ../shared, or skips the calling test when it is absent. */
    public static Path require(String relative) {
        Path p = ROOT.resolve(relative);
        assumeTrue(Files.exists(p), () -> "skipped: " + p + " is absent (developer data in ../shared; see README)");
        return p;
    }
}
