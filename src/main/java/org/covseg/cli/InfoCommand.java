package org.covseg.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.covseg.data.ScanDescription;
import org.covseg.data.Scans;
import org.covseg.io.DicomStudy;
import org.covseg.io.SeriesSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Prints what covseg reads from a file or folder: kind, shape, spacing, orientation, "
                + "intensity range, and for DICOM the modality and series. A DICOM folder's series are listed first"
                + " (number, orientation, slices, thickness, z-range, kernel, description, UID) with the one covseg"
                + " analyses when none is named, and why.")
final class InfoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "<file-or-folder>",
            description = "NIfTI (.nii, .nii.gz), image (PNG/JPG/TIFF), folder of images, or DICOM series folder.")
    Path input;

    @Option(names = "--series", paramLabel = "<UID>",
            description = "DICOM series to describe when a folder has several (default: covseg's choice).")
    String seriesUid;

    @Override
    public Integer call() {
        List<String> lines = new ArrayList<>();
        String uid = seriesUid;
        if (Scans.isDicomFolder(input)) {
            DicomStudy study = DicomStudy.scan(input);
            lines.addAll(SeriesTable.lines(study, seriesUid));
            if (uid == null) {
                uid = study.choice().series().map(SeriesSummary::uid).orElse(null);
            }
        }
        // Read before printing anything: a series that cannot be read is one line on stderr and nothing else.
        lines.addAll(ScanDescription.of(Scans.open(input, uid)).lines());
        PrintWriter out = spec.commandLine().getOut();
        lines.forEach(out::println);
        return 0;
    }
}
