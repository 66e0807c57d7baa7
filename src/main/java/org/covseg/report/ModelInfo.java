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
 */
public record ModelInfo(String name, String version, String task, String architecture, String weightsSha256,
                        String path, @JsonInclude(JsonInclude.Include.NON_NULL) String testTimeFlips) {

    /** A model run without test-time flips. */
    public ModelInfo(String name, String version, String task, String architecture, String weightsSha256,
            String path) {
        this(name, version, task, architecture, weightsSha256, path, null);
    }

    /** The version as the report's tables show it: with the test-time flips when there are any. */
    @JsonIgnore
    public String versionShown() {
        return testTimeFlips == null ? version : version + ", test-time flips " + testTimeFlips;
    }
}
