package org.covseg.experiment;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.covseg.CovsegException;
import org.covseg.io.AtomicFiles;

/**
 * What one cell's fold gave, written as {@code <out>/<cell>/fold-<i>/result.json} once the fold is trained and
 * evaluated: its presence marks the fold finished.
 *
 * @param validation     the fold's validation slice names
 * @param epoch          the exported (best) epoch
 * @param trainSeconds   the seconds its training epochs took, summed over interruptions
 * @param validationLoss the training objective on the validation slices at the exported epoch
 * @param classes        per class ({@code infection}, or {@code ggo} and {@code consolidation}): metric key → value
 * @param notes          caveats to show with the results (e.g. a prior that saw validation slices)
 */
record FoldResult(String cell, int fold, List<String> validation, int epoch, double trainSeconds,
                  double evaluationSeconds, Double validationLoss, Map<String, Map<String, Double>> classes,
                  List<String> notes) {

    static final String FILE = "result.json";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    FoldResult {
        validation = List.copyOf(validation);
        notes = List.copyOf(notes);
    }

    static FoldResult read(Path file) {
        try {
            return JSON.readValue(file.toFile(), FoldResult.class);
        } catch (IOException e) {
            throw new CovsegException("cannot read the fold result " + file + " (delete it to redo the fold): "
                    + e.getMessage(), e);
        }
    }

    void write(Path file) throws IOException {
        AtomicFiles.writeString(file, JSON.writeValueAsString(this) + "\n");
    }
}
