package org.covseg.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import org.covseg.CovsegException;
import org.covseg.io.AtomicFiles;

/** Writes an {@link AnalysisReport} as {@code report.json} (indented, UTF-8). */
public final class AnalysisJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AnalysisJson() {
    }

    public static void write(Path file, AnalysisReport report) {
        try {
            AtomicFiles.writeString(file, JSON.writeValueAsString(report) + "\n");
        } catch (IOException e) {
            throw new CovsegException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
