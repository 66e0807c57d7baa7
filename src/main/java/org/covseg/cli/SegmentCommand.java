package org.covseg.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.covseg.CovsegException;
import org.covseg.image.Volume;
import org.covseg.infer.SegmentationJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "segment", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Segments COVID-19 lung infection.",
                "2-D images: writes <name>.png (probability x255) and <name>_mask.png (0/255) at the input's size.",
                "Volumes (NIfTI, DICOM folder): writes <name>_infection.nii.gz (float32 probability) and "
                        + "<name>_infection_mask.nii.gz (uint8) in the input's geometry.",
                "With a multiclass --model (ground-glass opacity vs. consolidation; its prior infection model runs "
                        + "first): 2-D images give <name>_ggo.png and <name>_consolidation.png (probability x255) "
                        + "and <name>_labels.png (palette: 0 background, 1 ground-glass, 2 consolidation, the most "
                        + "probable class); volumes give <name>_labels.nii.gz (uint8 0/1/2). --threshold is unused."})
final class SegmentCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "<input>",
            description = "Image, folder of images, NIfTI file, or DICOM series folder (as for analyze).")
    Path positionalInput;

    @Option(names = "--input", paramLabel = "<path>", description = "The same as <input> (the older spelling).")
    Path inputOption;

    @Option(names = {"--out", "--output"}, required = true, paramLabel = "<dir>",
            description = "Output folder (--output is the older spelling).")
    Path output;

    @Mixin
    InferenceOptions inference;

    @Override
    public Integer call() {
        Path input = input();
        if (input.toAbsolutePath().normalize().equals(output.toAbsolutePath().normalize())) {
            throw new CovsegException("--out must differ from the input: covseg never writes into your input");
        }
        Volume.requireSpillFolder();
        Path modelDir = inference.prepare();
        PrintWriter out = spec.commandLine().getOut();
        List<Path> written = SegmentationJob.run(new SegmentationJob.Request(
                modelDir, input, output, inference.threshold, inference.batchSize, inference.orientation,
                inference.seriesUid, inference.rewindow), out);
        out.println("wrote " + written.size() + " files to " + output);
        return 0;
    }

    /** The input, given as {@code <input>} like analyze's or as the older {@code --input}, once. */
    private Path input() {
        if (positionalInput != null && inputOption != null) {
            throw new ParameterException(spec.commandLine(), "give the input once: as <input> or as --input");
        }
        if (positionalInput == null && inputOption == null) {
            throw new ParameterException(spec.commandLine(), "Missing required parameter: '<input>'");
        }
        return positionalInput != null ? positionalInput : inputOption;
    }
}
