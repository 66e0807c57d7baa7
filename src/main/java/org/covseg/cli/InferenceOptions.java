package org.covseg.cli;

import java.nio.file.Path;
import org.covseg.CovsegException;
import org.covseg.engine.EngineSetup;
import org.covseg.io.SliceOrientation;
import org.covseg.model.DefaultModels;
import picocli.CommandLine.Option;

/** The options every command that runs the infection model shares (a picocli mixin). */
final class InferenceOptions {

    @Option(names = "--model", paramLabel = "<dir>",
            description = "Infection model folder (default: the shipped models/infection).")
    Path model;

    @Option(names = "--threshold", defaultValue = "0.5", description = "Infection threshold (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--batch-size", defaultValue = "4", description = "Slices per batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--series", paramLabel = "<UID>", description = "DICOM series to read when a folder has several.")
    String seriesUid;

    @Option(names = "--orientation", defaultValue = "DISPLAY",
            description = "Pixel order of 2-D images: DISPLAY (radiological view) or TRANSPOSED (COVID-SemiSeg files);"
                    + " masks written for them, and image masks given, are in the same order. Default:"
                    + " ${DEFAULT-VALUE}.")
    SliceOrientation orientation;

    @Option(names = "--rewindow", description = "2-D images exported with a window other than a lung window (soft"
            + " tissue grey, not near white): estimate that window from their lung and soft-tissue grey peaks and"
            + " re-window them to look like the training slices before anything runs; the report notes it.")
    boolean rewindow;

    @Option(names = "--threads", defaultValue = "2", description = "CPU threads (default: ${DEFAULT-VALUE}).")
    int threads;

    /** Checks the values, sets the engine's threads and returns the model folder to use. */
    Path prepare() {
        if (!(threshold > 0 && threshold < 1) || batchSize < 1 || threads < 1) {
            throw new CovsegException("--threshold must lie in (0, 1), --batch-size and --threads be at least 1");
        }
        EngineSetup.threads(threads);
        return model != null ? model : DefaultModels.infection();
    }
}
