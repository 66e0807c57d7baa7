package org.covseg.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.covseg.CovsegException;
import org.covseg.analysis.AnalysisJob;
import org.covseg.analysis.ModelInfectionMaps;
import org.covseg.analysis.StudyAnalyzer;
import org.covseg.infer.DefaultModels;
import org.covseg.severity.LungMasks;
import org.covseg.train.EngineSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "analyze", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"From a chest CT to a severity report (research software, not for clinical use).",
                "Writes report.json, a self-contained report.html and the lung and infection masks.",
                "A folder of studies (NIfTI files and/or sub-folders) gives one sub-folder of <dir> per study."})
final class AnalyzeCommand implements Callable<Integer> {

    /** The lung segmentation; to become {@code new LungSegmenter()::segment} when the lung segmenter is merged. */
    private static final LungMasks LUNG_MASKS = (ct, infection) -> {
        throw new CovsegException("no lung segmentation is available in this build of covseg");
    };

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<input>",
            description = "NIfTI file, DICOM series folder, image, folder of images, or a folder of studies.")
    Path input;

    @Option(names = "--out", required = true, paramLabel = "<dir>",
            description = "Output folder (must be absent or empty for a single study).")
    Path out;

    @Option(names = "--model", paramLabel = "<dir>",
            description = "Infection model folder (default: the shipped models/infection).")
    Path model;

    @Option(names = "--pixel-mm", paramLabel = "<mm>",
            description = "Pixel size of 2-D images in mm (default: unknown, amounts in pixels).")
    Double pixelMm;

    @Option(names = "--threshold", defaultValue = "0.5", description = "Infection threshold (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--batch-size", defaultValue = "4", description = "Slices per batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--series", paramLabel = "<UID>", description = "DICOM series to read when a folder has several.")
    String seriesUid;

    @Option(names = "--threads", defaultValue = "2", description = "CPU threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Override
    public Integer call() {
        if (batchSize < 1) {
            throw new CovsegException("--batch-size must be at least 1");
        }
        if (!Files.exists(input)) {
            throw new CovsegException("no such file or folder: " + input);
        }
        StudyAnalyzer.Settings settings = new StudyAnalyzer.Settings(threshold, pixelMm);
        EngineSetup.threads(threads);
        PrintWriter log = spec.commandLine().getOut();
        AnalysisJob.Summary summary;
        try (ModelInfectionMaps maps = ModelInfectionMaps.open(model != null ? model : DefaultModels.infection(),
                batchSize)) {
            summary = new AnalysisJob(new StudyAnalyzer(maps, LUNG_MASKS, settings), maps)
                    .run(new AnalysisJob.Request(input, out, seriesUid, Main.Version.number()), log);
        }
        if (!summary.failures().isEmpty()) {
            spec.commandLine().getErr().println("covseg: " + summary.failures().size() + " of "
                    + (summary.failures().size() + summary.written().size()) + " studies failed (see above)");
            return 1;
        }
        return 0;
    }
}
