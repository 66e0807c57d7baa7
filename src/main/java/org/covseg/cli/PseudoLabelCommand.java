package org.covseg.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.covseg.CovsegException;
import org.covseg.data.PseudoLabelManifest;
import org.covseg.engine.EngineSetup;
import org.covseg.semi.PseudoLabelDataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "pseudo-label", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Makes a training folder from a teacher model's labels on unlabeled slices: the labeled"
                + " slices (copied) plus every unlabeled slice labelled by the teacher, run as covseg evaluate runs"
                + " it. A multiclass teacher gives its most probable class per pixel; train on it with covseg train"
                + " --task multiclass --data <out>/" + PseudoLabelDataset.MULTICLASS_FOLDER + ". An infection"
                + " teacher gives its mask (probability > 0.5) and the mask's edges; train on it with covseg train"
                + " --data <out>/" + PseudoLabelDataset.INFECTION_FOLDER + ".",
                "Writes <out>/" + PseudoLabelDataset.MULTICLASS_FOLDER + "/{Imgs,GT} or <out>/"
                        + PseudoLabelDataset.INFECTION_FOLDER + "/{Imgs,GT,Edge} and its "
                        + PseudoLabelManifest.FILE + " (teacher, volumes used and left out, pseudo class"
                        + " shares); nothing is written there unless every slice is done. A kept volume whose slices"
                        + " mostly do not look lung-windowed like the training slices is named in the log and the"
                        + " manifest (volumesWindowedUnlikeTraining); with --rewindow every volume is re-windowed"
                        + " instead (rewindowedVolumes)."})
final class PseudoLabelCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "<model-dir>",
            description = "Teacher: an infection model, or a multiclass model (its prior infection model runs"
                    + " first).")
    Path model;

    @Option(names = "--labeled", required = true, paramLabel = "<dir>",
            description = "Labeled set of the teacher's task, e.g. COVID-SemiSeg .../MultiClassInfection-Train or"
                    + " .../LungInfection-Train/Doctor-label.")
    Path labeled;

    @Option(names = "--unlabeled", required = true, paramLabel = "<dir>",
            description = "Unlabeled slices, e.g. COVID-SemiSeg/Unlabeled (Imgs/ named <volume>_<index>).")
    Path unlabeled;

    @Option(names = "--out", required = true, paramLabel = "<dir>", description = "Parent of the new folder.")
    Path out;

    @Option(names = "--exclude", split = ",", paramLabel = "<glob>",
            description = "Leave out the volumes whose name matches this glob (repeatable), e.g. volumes windowed"
                    + " unlike the labeled slices.")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--rewindow", description = "Re-window every volume to the teacher's window before labelling it,"
            + " estimating the window it was exported with from its lung and soft-tissue histogram peaks (the"
            + " unlabeled volumes come in several windows); the re-windowed slices are what the folder holds.")
    boolean rewindow;

    @Option(names = "--batch-size", defaultValue = "4", description = "Slices per batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--threads", defaultValue = "2", description = "CPU threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Override
    public Integer call() {
        if (batchSize < 1 || threads < 1) {
            throw new CovsegException("--batch-size and --threads must be at least 1");
        }
        EngineSetup.threads(threads);
        PseudoLabelDataset.Result result = PseudoLabelDataset.build(new PseudoLabelDataset.Request(
                model, labeled, unlabeled, out, exclude, rewindow, batchSize), spec.commandLine().getOut());
        spec.commandLine().getOut().printf("wrote %s: %d labeled + %d pseudo-labelled slices from %d volumes"
                        + " (%d left out)%n", result.dataset(), result.labeledSlices(), result.pseudoSlices(),
                result.volumes().size(), result.excludedVolumes().size());
        return 0;
    }
}
