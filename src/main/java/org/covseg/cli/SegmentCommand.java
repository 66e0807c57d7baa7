package org.covseg.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.covseg.CovsegException;
import org.covseg.infer.DefaultModels;
import org.covseg.infer.SegmentationJob;
import org.covseg.io.SliceOrientation;
import org.covseg.train.EngineSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "segment", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Segments COVID-19 lung infection.",
                "2-D images: writes <name>.png (probability x255) and <name>_mask.png (0/255) at the input's size.",
                "Volumes (NIfTI, DICOM folder): writes <name>_infection.nii.gz (float32 probability) and "
                        + "<name>_infection_mask.nii.gz (uint8) in the input's geometry."})
final class SegmentCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "<path>",
            description = "Image, folder of images, NIfTI file, or DICOM series folder.")
    Path input;

    @Option(names = "--output", required = true, paramLabel = "<dir>", description = "Output folder.")
    Path output;

    @Option(names = "--model", paramLabel = "<dir>", description = "Model folder (default: the shipped models/infection).")
    Path model;

    @Option(names = "--threshold", defaultValue = "0.5", description = "Mask threshold (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--batch-size", defaultValue = "4", description = "Slices per batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--orientation", defaultValue = "DISPLAY",
            description = "Pixel order of 2-D images: DISPLAY (radiological view) or TRANSPOSED (COVID-SemiSeg files). "
                    + "Default: ${DEFAULT-VALUE}.")
    SliceOrientation orientation;

    @Option(names = "--series", paramLabel = "<UID>", description = "DICOM series to read when a folder has several.")
    String seriesUid;

    @Option(names = "--threads", defaultValue = "2", description = "CPU threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Override
    public Integer call() {
        if (!(threshold > 0 && threshold < 1) || batchSize < 1) {
            throw new CovsegException("--threshold must lie in (0, 1) and --batch-size be at least 1");
        }
        if (input.toAbsolutePath().normalize().equals(output.toAbsolutePath().normalize())) {
            throw new CovsegException("--output must differ from --input: covseg never writes into your input");
        }
        EngineSetup.threads(threads);
        PrintWriter out = spec.commandLine().getOut();
        List<Path> written = SegmentationJob.run(new SegmentationJob.Request(
                model != null ? model : DefaultModels.infection(), input, output, threshold, batchSize, orientation,
                seriesUid), out);
        out.println("wrote " + written.size() + " files to " + output);
        return 0;
    }
}
