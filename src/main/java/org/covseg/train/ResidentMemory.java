package org.covseg.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The process's resident set size (native memory included), to watch for leaks over a long run. */
public final class ResidentMemory {

    private static final Path STATUS = Path.of("/proc/self/status");

    private ResidentMemory() {
    }

    /** VmRSS in bytes from /proc/self/status, or −1 where that is not available (not Linux). */
    public static long bytes() {
        return field("VmRSS:");
    }

    /** The peak resident set size so far (VmHWM), or −1 where not available. */
    public static long peakBytes() {
        return field("VmHWM:");
    }

    private static long field(String name) {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
