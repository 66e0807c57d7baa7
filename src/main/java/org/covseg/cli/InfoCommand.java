package org.covseg.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.covseg.data.Scan;
import org.covseg.data.Scans;
import org.covseg.data.ScanDescription;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Prints what covseg reads from a file or folder: kind, shape, spacing, orientation, "
                + "intensity range, and for DICOM the modality and series.")
final class InfoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "<file-or-folder>",
            description = "NIfTI (.nii, .nii.gz), image (PNG/JPG/TIFF), folder of images, or DICOM series folder.")
    Path input;

    @Option(names = "--series", paramLabel = "<UID>", description = "DICOM series to read when a folder has several.")
    String seriesUid;

    @Override
    public Integer call() {
        Scan scan = Scans.open(input, seriesUid);
        PrintWriter out = spec.commandLine().getOut();
        ScanDescription.of(scan).lines().forEach(out::println);
        return 0;
    }
}
