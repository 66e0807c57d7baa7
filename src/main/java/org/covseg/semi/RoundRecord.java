package org.covseg.semi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.covseg.CovsegException;
import org.covseg.io.AtomicFiles;

/**
 * {@code round-<r>/round.json}, written when a round's fine-tuning is done: marks the round as finished (its
 * checkpoints are deleted once the next round is done) and records what it did.
 *
 * @param infectedShare  mean share of the group's pixels pseudo-labelled as infection
 * @param trainSlices    labeled training slices plus all pseudo labels so far
 * @param validation     the last epoch's validation scores (empty without validation)
 */
public record RoundRecord(int round, List<String> pseudoLabels, double infectedShare, int trainSlices, double seconds,
                          Map<String, Double> validation) {

    static final String FILE = "round.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static boolean exists(Path roundDir) {
        return Files.isRegularFile(roundDir.resolve(FILE));
    }

    void write(Path roundDir) throws IOException {
        AtomicFiles.writeString(roundDir.resolve(FILE), JSON.writeValueAsString(this) + "\n");
    }

    static RoundRecord read(Path roundDir) {
        Path file = roundDir.resolve(FILE);
        try {
            return JSON.readValue(file.toFile(), RoundRecord.class);
        } catch (IOException e) {
            throw new CovsegException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
