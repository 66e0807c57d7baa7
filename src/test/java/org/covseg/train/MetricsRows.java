package org.covseg.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A run's metrics.csv for comparing runs: every row without its last two columns, seconds and rss_mb. */
public final class MetricsRows {

    private MetricsRows() {
    }

    public static List<String> withoutTimings(Path run) throws IOException {
        return Files.readAllLines(run.resolve("metrics.csv")).stream()
                .map(line -> line.substring(0, line.lastIndexOf(',', line.lastIndexOf(',') - 1)))
                .toList();
    }
}
