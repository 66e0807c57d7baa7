package org.covseg.report;

/**
 * A model an analysis used, as recorded in its report.
 *
 * @param name          model name from its {@code model.json}
 * @param version       model version
 * @param task          what it predicts, e.g. "infection"
 * @param architecture  network architecture
 * @param weightsSha256 SHA-256 of the weights file as recorded in {@code model.json} (null if it records none)
 * @param path          the model folder
 */
public record ModelInfo(String name, String version, String task, String architecture, String weightsSha256,
                        String path) {
}
