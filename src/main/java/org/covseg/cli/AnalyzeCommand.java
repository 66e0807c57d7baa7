package org.covseg.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.covseg.CovsegException;
import org.covseg.analysis.AnalysisJob;
import org.covseg.analysis.InfectionMaps;
import org.covseg.analysis.LungCroppedInfectionMaps;
import org.covseg.analysis.ModelInfectionMaps;
import org.covseg.analysis.StudyAnalyzer;
import org.covseg.severity.LungSegmenter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "analyze", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"From a chest CT to a severity report (research software, not for clinical use).",
                "Writes report.json, a self-contained report.html and the lung and infection masks.",
                "A folder of studies (NIfTI files and/or sub-folders) gives one sub-folder of <dir> per study."})
final class AnalyzeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<input>",
            description = "NIfTI file, DICOM series folder, image, folder of images, or a folder of studies.")
    Path input;

    @Option(names = "--out", required = true, paramLabel = "<dir>",
            description = "Output folder (must be absent or empty for a single study).")
    Path out;

    @Option(names = "--pixel-mm", paramLabel = "<mm>",
            description = "Pixel size of 2-D images in mm (default: unknown, amounts in pixels).")
    Double pixelMm;

    @Mixin
    InferenceOptions inference;

    @Override
    public Integer call() {
        if (!Files.exists(input)) {
            throw new CovsegException("no such file or folder: " + input);
        }
        Path modelDir = inference.prepare();
        StudyAnalyzer.Settings settings = new StudyAnalyzer.Settings(inference.threshold, pixelMm);
        PrintWriter log = spec.commandLine().getOut();
        AnalysisJob.Summary summary;
        try (ModelInfectionMaps model = ModelInfectionMaps.open(modelDir, inference.batchSize)) {
            LungSegmenter lungs = new LungSegmenter();
            InfectionMaps maps = new LungCroppedInfectionMaps(model, lungs::segment);
            summary = new AnalysisJob(new StudyAnalyzer(maps, lungs::segment, settings), maps)
                    .run(new AnalysisJob.Request(input, out, inference.seriesUid, Main.Version.number()), log);
        }
        if (!summary.failures().isEmpty()) {
            spec.commandLine().getErr().println("covseg: " + summary.failures().size() + " of "
                    + (summary.failures().size() + summary.written().size()) + " studies failed (see above)");
            return 1;
        }
        return 0;
    }
}
