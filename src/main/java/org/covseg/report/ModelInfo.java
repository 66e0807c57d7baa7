package org.covseg.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A model an analysis used, as recorded in its report.
 *
 * @param name          model name from its {@code model.json}
 * @param version       model version
 * @param task          what it predicts, e.g. "infection"
 * @param architecture  network architecture
 * @param weightsSha256 SHA-256 of the weights file as recorded in {@code model.json} (null if it records none)
 * @param path          the model folder
 * @param testTimeFlips the test-time flips its masks were made with ({@code model.json}'s), absent when none
 * @param members       how many models an ensemble averages ({@code weightsSha256} is then that of their hashes),
 *                      absent for a single model
 */
public record ModelInfo(String name, String version, String task, String architecture, String weightsSha256,
                        String path, @JsonInclude(JsonInclude.Include.NON_NULL) String testTimeFlips,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Integer members) {

    /** A single model run without test-time flips. */
    public ModelInfo(String name, String version, String task, String architecture, String weightsSha256,
            String path) {
        this(name, version, task, architecture, weightsSha256, path, null, null);
    }

    /** The version as the report's tables show it: with the ensemble's size and the test-time flips, if any. */
    @JsonIgnore
    public String versionShown() {
        return version + (members == null ? "" : ", an ensemble of " + members + " models")
                + (testTimeFlips == null ? "" : ", test-time flips " + testTimeFlips);
    }
}
