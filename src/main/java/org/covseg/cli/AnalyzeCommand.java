package org.covseg.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.covseg.CovsegException;
import org.covseg.CovsegVersion;
import org.covseg.analysis.AnalysisJob;
import org.covseg.analysis.AnalysisModels;
import org.covseg.analysis.LungLabels;
import org.covseg.analysis.StudyAnalyzer;
import org.covseg.analysis.StudyOutputs;
import org.covseg.analysis.UserMasks;
import org.covseg.data.Scans;
import org.covseg.data.Studies;
import org.covseg.image.Volume;
import org.covseg.io.DicomStudy;
import org.covseg.io.SeriesChoice;
import org.covseg.lungs.Framing;
import org.covseg.lungs.LungSegmenter;
import org.covseg.severity.InfectionLabels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "analyze", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"From a chest CT to a severity report (research software, not for clinical use).",
                "Writes report.json, a self-contained report.html (and with --pdf report.pdf) and the lung and"
                        + " infection masks.",
                "With a multi-class model (models/multiclass, or --multiclass-model) the infection is split into"
                        + " ground-glass opacity and consolidation; with a detection model (models/detect, or"
                        + " --detect-model) the report adds the COVID-19 detection probability.",
                "A folder of studies (NIfTI files and/or sub-folders) gives one sub-folder of <dir> per study.",
                "Masks you already have (NIfTI on the scan's grid, or PNG for a 2-D image) can replace covseg's own"
                        + " (--infection-mask, --lung-mask) or be compared with them (--reference-mask);"
                        + " they are only read."})
final class AnalyzeCommand implements Callable<Integer> {

    /** picocli's names for the label conventions of a mask. */
    enum InfectionLabelOption {
        binary(InfectionLabels.BINARY), classes(InfectionLabels.GROUND_GLASS_AND_CONSOLIDATION);

        final InfectionLabels labels;

        InfectionLabelOption(InfectionLabels labels) {
            this.labels = labels;
        }
    }

    enum LungLabelOption {
        binary(LungLabels.BINARY), sides(LungLabels.SIDES);

        final LungLabels labels;

        LungLabelOption(LungLabels labels) {
            this.labels = labels;
        }
    }

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

    @Option(names = "--infection-mask", paramLabel = "<mask>",
            description = "Score this infection mask instead of running the model.")
    Path infectionMask;

    @Option(names = "--infection-labels", paramLabel = "binary|classes", defaultValue = "binary",
            description = "Values of --infection-mask: binary (0 none, non-zero infection) or classes"
                    + " (0 none, 1 ground-glass opacity, 2 consolidation). Default: ${DEFAULT-VALUE}.")
    InfectionLabelOption infectionLabels;

    @Option(names = "--lung-mask", paramLabel = "<mask>",
            description = "Measure against this lung mask instead of covseg's lung segmentation.")
    Path lungMask;

    @Option(names = "--lung-labels", paramLabel = "binary|sides", defaultValue = "sides",
            description = "Values of --lung-mask: sides (0 outside, 1 right, 2 left lung) or binary (0 outside,"
                    + " non-zero lung; covseg tells right from left). Default: ${DEFAULT-VALUE}.")
    LungLabelOption lungLabels;

    @Option(names = "--reference-mask", paramLabel = "<mask>",
            description = "Report the agreement of the analysed infection mask with this one (Dice, IoU, volume"
                    + " difference, HD95, score differences).")
    Path referenceMask;

    @Option(names = "--reference-labels", paramLabel = "binary|classes", defaultValue = "binary",
            description = "Values of --reference-mask, as for --infection-labels. Default: ${DEFAULT-VALUE}.")
    InfectionLabelOption referenceLabels;

    @Option(names = "--multiclass-model", paramLabel = "<dir>",
            description = "Multi-class model that splits the infection into ground-glass opacity and consolidation,"
                    + " covseg's or a binary --infection-mask (default: models/multiclass when installed).")
    Path multiclassModel;

    @Option(names = "--no-classes", description = "Do not split the infection into ground-glass opacity and"
            + " consolidation.")
    boolean noClasses;

    @Option(names = "--detect-model", paramLabel = "<dir>",
            description = "COVID-19 detection model (default: models/detect when installed).")
    Path detectModel;

    @Option(names = "--no-detect", description = "Do not run COVID-19 detection.")
    boolean noDetect;

    @Option(names = "--cropped-to-lungs", description = "The images are cropped to the lungs' bounding box, as"
            + " COVID-SemiSeg's slices are: lungs may reach the image border, so air at the border is outside the body"
            + " only where it lies along the border (the corners beyond the chest wall). The report notes it.")
    boolean croppedToLungs;

    @Option(names = "--pdf", description = "Also write report.pdf, the report in printable form.")
    boolean pdf;

    @Mixin
    InferenceOptions inference;

    @Override
    public Integer call() {
        if (!Files.exists(input)) {
            throw new CovsegException("no such file or folder: " + input);
        }
        StudyOutputs.checkWritable(out);
        // before the first progress bar, whose terminal library otherwise prints its own lines about the folder
        Volume.requireSpillFolder();
        UserMasks masks = new UserMasks(infectionMask, infectionLabels.labels, lungMask, lungLabels.labels,
                referenceMask, referenceLabels.labels);
        StudyAnalyzer.Settings settings = new StudyAnalyzer.Settings(inference.threshold, pixelMm);
        PrintWriter log = spec.commandLine().getOut();
        AnalysisJob.Request request = new AnalysisJob.Request(input, out, seriesToRead(), CovsegVersion.number(),
                pdf, inference.rewindow, inference.orientation);
        LungSegmenter lungs = new LungSegmenter(croppedToLungs ? Framing.LUNG_BOX : Framing.BODY);
        AnalysisJob.Summary summary;
        try (AnalysisModels models = AnalysisModels.open(folders(), inference.batchSize)) {
            summary = new AnalysisJob(models.analyzer(lungs, settings, masks)).run(request, log);
        }
        if (!summary.failures().isEmpty()) {
            spec.commandLine().getErr().println("covseg: " + summary.failures().size() + " of "
                    + (summary.failures().size() + summary.written().size()) + " studies failed (see above)");
            return 1;
        }
        return 0;
    }

    /**
     * The --series given or, for one DICOM study, the series covseg chooses, said in one line on stderr (in a folder
     * of studies the reader notes each study's choice).
     */
    private String seriesToRead() {
        if (inference.seriesUid != null || !Scans.isDicomFolder(input) || Studies.in(input).batch()) {
            return inference.seriesUid;
        }
        SeriesChoice choice = DicomStudy.scan(input).choice();
        String uid = choice.series().orElseThrow(() -> new CovsegException(choice.reason())).uid();
        spec.commandLine().getErr().println("covseg: reading " + choice.line());
        return uid;
    }

    /** The models to load: given, or the installed defaults unless switched off. */
    private AnalysisModels.Folders folders() {
        boolean classesGiven = infectionMask != null && infectionLabels == InfectionLabelOption.classes;
        if (classesGiven && multiclassModel != null) {
            throw new CovsegException("--multiclass-model splits a binary infection mask; your mask already has its"
                    + " classes (--infection-labels classes)");
        }
        return AnalysisModels.Folders.chosen(infectionMask == null ? inference.prepare() : null, multiclassModel,
                noClasses || classesGiven, detectModel, noDetect);
    }
}
