package org.covseg.semi;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import me.tongfei.progressbar.ProgressBar;
import org.covseg.CovsegException;
import org.covseg.Progress;
import org.covseg.data.ImageFolder;
import org.covseg.data.Layout;
import org.covseg.data.PseudoLabelManifest;
import org.covseg.data.SemiSegDataset;
import org.covseg.data.SliceDataset;
import org.covseg.data.SliceRewindow;
import org.covseg.data.SliceWindowCheck;
import org.covseg.image.Volume;
import org.covseg.image.Window;
import org.covseg.infer.NetworkBoxes;
import org.covseg.infer.OnBoxes;
import org.covseg.io.AtomicFiles;
import org.covseg.io.FileTrees;
import org.covseg.io.SliceImageWriter;
import org.covseg.model.ModelDir;
import org.covseg.model.ModelSpec;

/**
 * A training folder made of the labeled slices plus unlabeled slices labelled by a teacher model, run on each slice
 * as {@code evaluate} runs it ({@link NetworkBoxes}, {@link OnBoxes}). A multiclass teacher's most probable class per
 * pixel becomes the slice's GT palette PNG, in the {@code MultiClassInfection-*} layout; an infection teacher's mask
 * ({@link PseudoLabel}: p > 0.5, with its edge map) becomes 0/255 GT and Edge PNGs, in the {@code LungInfection-*}
 * layout. {@code covseg train} reads either like the labeled set of its task. A {@link PseudoLabelManifest} records
 * the teacher, the volumes used and the share of each pseudo class.
 *
 * <p>Whole CT volumes can be left out by name pattern: the unlabeled folder mixes sources windowed differently, and a
 * teacher trained on one window labels another's normal lung as ground-glass. Kept volumes most of whose slices fail
 * {@link SliceWindowCheck} are reported in the log and the manifest. With {@code rewindow} every volume is instead
 * re-windowed to the teacher's window first ({@link SliceRewindow}: the window it was exported with is estimated from
 * its lung and soft-tissue peaks), and the re-windowed slices are what the folder holds.
 */
public final class PseudoLabelDataset {

    public static final String MULTICLASS_FOLDER = "MultiClassInfection-Pseudo";
    public static final String INFECTION_FOLDER = "LungInfection-Pseudo";

    /** Teacher model, labeled and unlabeled COVID-SemiSeg folders, output parent, volume patterns to leave out. */
    public record Request(Path teacher, Path labeled, Path unlabeled, Path out, List<String> exclude, boolean rewindow,
                          int batchSize) {
    }

    /** The folder written and what went into it. */
    public record Result(Path dataset, int labeledSlices, int pseudoSlices, List<String> volumes,
                         List<String> excludedVolumes) {
    }

    private PseudoLabelDataset() {
    }

    public static Result build(Request r, PrintWriter log) {
        ModelSpec teacher = ModelDir.readSpec(r.teacher());
        if (!teacher.isMulticlass() && !ModelSpec.INFECTION.equals(teacher.task())) {
            throw new CovsegException(r.teacher() + " is a model of task '" + teacher.task() + "'; pseudo labels need"
                    + " an infection or multiclass model (e.g. models/infection, models/multiclass)");
        }
        requireLayoutOfTask(r.labeled(), teacher);
        SliceDataset<?> labeled = teacher.isMulticlass() ? SemiSegDataset.multiClass(r.labeled())
                : SemiSegDataset.lungInfection(r.labeled());
        SliceDataset<Volume> unlabeled = SemiSegDataset.unlabeled(r.unlabeled());
        VolumeSelection selection = VolumeSelection.of(unlabeled, r.exclude(), r.unlabeled());
        requireNoSharedNames(labeled, selection, unlabeled);
        String folder = folderFor(teacher);
        Path target = r.out().resolve(folder);
        if (Files.exists(target)) {
            throw new CovsegException(target + " already exists; covseg does not overwrite a dataset, choose another"
                    + " --out");
        }
        Path partial = r.out().resolve(folder + ".partial");
        try {
            FileTrees.delete(partial);
            Files.createDirectories(partial.resolve("Imgs"));
            Files.createDirectories(partial.resolve(PseudoLabel.MASKS));
            boolean edges = hasEdges(r.labeled());
            if (edges) {
                Files.createDirectories(partial.resolve(PseudoLabel.EDGES));
            }
            copyLabeled(r.labeled(), labeled, partial);
            Labelling labelling = labelVolumes(r, teacher, edges, unlabeled, selection, partial, log);
            writeManifest(partial, r, teacher, labeled.size(), selection, labelling);
            AtomicFiles.sync(partial);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            AtomicFiles.syncDirectory(r.out());
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new CovsegException("cannot write " + target + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(partial);
            throw e;
        }
        return new Result(target, labeled.size(), selection.slices().size(), selection.kept(), selection.excluded());
    }

    /**
     * The pixel count of each pseudo label (0/1/2 or 0/1), the kept volumes most of whose slices fail the window
     * check, and the window each re-windowed volume was estimated to have been exported with.
     */
    private record Labelling(long[] classPixels, List<String> windowedUnlikeTraining, Map<String, Window> rewindowed) {
    }

    /** Labels every kept volume's slices with the teacher. */
    private static Labelling labelVolumes(Request r, ModelSpec teacher, boolean edges, SliceDataset<Volume> unlabeled,
            VolumeSelection selection, Path dir, PrintWriter log) throws IOException {
        Window teacherWindow = teacher.window().toWindow();
        Map<String, Path> files = ImageFolder.byBaseName(r.unlabeled().resolve("Imgs"));
        List<String> windowedUnlike = new ArrayList<>();
        Map<String, Window> rewindowed = new LinkedHashMap<>();
        log.printf("pseudo-labelling %d slices of %d volumes with %s (%d volumes left out)%n",
                selection.slices().size(), selection.kept().size(), r.teacher(), selection.excluded().size());
        try (PseudoLabelTeacher labeller = PseudoLabelTeacher.open(r.teacher(), teacher, r.batchSize(), edges);
             ProgressBar bar = Progress.onStderr("pseudo-labelling").setInitialMax(selection.slices().size())
                     .setUnit(" slices", 1).build()) {
            long[] classPixels = new long[labeller.labelCount()];
            for (String volume : selection.kept()) {
                List<String> names = selection.slicesOf(volume);
                List<Volume> images = names.stream().map(unlabeled::load).toList();
                SliceRewindow.Result rewindow = r.rewindow() ? SliceRewindow.apply(images, teacherWindow) : null;
                if (rewindow != null) {
                    log.printf("%s: %s%n", volume, rewindow.note());
                }
                if (rewindow != null && rewindow.exported().isPresent()) {
                    rewindowed.put(volume, rewindow.exported().get());
                    images = rewindow.slices();
                } else if (windowedUnlikeTraining(volume, images, log)) {
                    windowedUnlike.add(volume);
                }
                List<float[]> labels = labeller.labels(images, bar::stepBy);
                for (int i = 0; i < names.size(); i++) {
                    for (float label : labels.get(i)) {
                        classPixels[(int) label]++;
                    }
                    labeller.write(dir, names.get(i), images.get(i), labels.get(i));
                    if (rewindowed.containsKey(volume)) {
                        SliceImageWriter.writeGrey8(dir.resolve("Imgs").resolve(names.get(i) + ".png"),
                                images.get(i), SemiSegDataset.ORIENTATION);
                    } else {
                        Path image = files.get(names.get(i));
                        Files.copy(image, dir.resolve("Imgs").resolve(image.getFileName()));
                    }
                }
            }
            return new Labelling(classPixels, List.copyOf(windowedUnlike), rewindowed);
        }
    }

    /** Whether most of the volume's slices fail the window check (then it says so in the log). */
    private static boolean windowedUnlikeTraining(String volume, List<Volume> images, PrintWriter log) {
        long failing = images.stream().filter(v -> !SliceWindowCheck.looksLungWindowed(v)).count();
        if (2 * failing <= images.size()) {
            return false;
        }
        log.printf("%s: %d of %d slices look windowed unlike the training slices (95 %% of the pixels below grey %d);"
                + " their pseudo labels are unreliable, consider --exclude or --rewindow%n", volume, failing,
                images.size(), SliceWindowCheck.MIN_BRIGHT_GREY);
        return true;
    }

    private static void copyLabeled(Path labeledDir, SliceDataset<?> labeled, Path dir) throws IOException {
        Map<String, Path> images = ImageFolder.byBaseName(labeledDir.resolve("Imgs"));
        Map<String, Path> masks = ImageFolder.byBaseName(labeledDir.resolve(PseudoLabel.MASKS));
        Map<String, Path> edges = ImageFolder.child(labeledDir, PseudoLabel.EDGES).map(ImageFolder::byBaseName)
                .orElse(Map.of());
        for (String name : labeled.names()) {
            copyInto(images.get(name), dir.resolve("Imgs"));
            copyInto(masks.get(name), dir.resolve(PseudoLabel.MASKS));
            if (edges.containsKey(name)) {
                copyInto(edges.get(name), dir.resolve(PseudoLabel.EDGES));
            }
        }
    }

    private static void copyInto(Path file, Path folder) throws IOException {
        Files.copy(file, folder.resolve(file.getFileName()));
    }

    /** The labeled slices are copied beside the pseudo labels, so they must be labelled as the teacher labels. */
    private static void requireLayoutOfTask(Path labeled, ModelSpec teacher) {
        Layout expected = teacher.isMulticlass() ? Layout.SEMISEG_MULTI_CLASS : Layout.SEMISEG_LUNG_INFECTION;
        Optional<Layout> found = Layout.detect(labeled);
        if (found.isPresent() && found.get() != expected) {
            throw new CovsegException("--labeled " + labeled + " is " + found.get().description() + "; a teacher of"
                    + " task '" + teacher.task() + "' needs its task's labeled set, " + expected.description());
        }
    }

    /** Whether the labeled set has edge maps (a single-class set's optional Edge/); the pseudo labels get them too. */
    private static boolean hasEdges(Path labeledDir) {
        return ImageFolder.child(labeledDir, PseudoLabel.EDGES).isPresent();
    }

    /** The folder a teacher's pseudo labels go to: the layout of its task's labeled set. */
    public static String folderFor(ModelSpec teacher) {
        return teacher.isMulticlass() ? MULTICLASS_FOLDER : INFECTION_FOLDER;
    }

    private static void requireNoSharedNames(SliceDataset<?> labeled, VolumeSelection selection,
            SliceDataset<Volume> unlabeled) {
        for (String name : selection.slices()) {
            if (labeled.names().contains(name)) {
                throw new CovsegException("slice name " + name + " is in both " + labeled.description() + " and "
                        + unlabeled.description() + "; the merged folder needs distinct names");
            }
        }
    }

    private static void writeManifest(Path dir, Request r, ModelSpec teacher, int labeledSlices,
            VolumeSelection selection, Labelling labelling) throws IOException {
        long[] classPixels = labelling.classPixels();
        long total = Arrays.stream(classPixels).sum();
        ObjectNode manifest = JsonNodeFactory.instance.objectNode();
        manifest.putObject("teacher").put("path", r.teacher().toString()).put("name", teacher.name())
                .put("version", teacher.version()).put("weightsSha256", teacher.weightsSha256());
        manifest.putObject("labeled").put("path", r.labeled().toString()).put("slices", labeledSlices);
        manifest.put("unlabeled", r.unlabeled().toString());
        manifest.putPOJO("exclude", r.exclude());
        manifest.putPOJO("volumes", selection.slicesPerKeptVolume());
        manifest.putPOJO("excludedVolumes", selection.excluded());
        manifest.put("pseudoSlices", selection.slices().size());
        manifest.putPOJO("volumesWindowedUnlikeTraining", labelling.windowedUnlikeTraining());
        ObjectNode rewindowed = manifest.putObject("rewindowedVolumes");
        labelling.rewindowed().forEach((volume, window) -> rewindowed.putObject(volume)
                .put("estimatedLevel", window.level()).put("estimatedWidth", window.width()));
        ObjectNode share = manifest.putObject("pseudoPixelShare");
        List<String> classes = teacher.isMulticlass() ? List.of("groundGlass", "consolidation") : List.of("infection");
        for (int c = 0; c < classes.size(); c++) {
            share.put(classes.get(c), total == 0 ? 0 : (double) classPixels[c + 1] / total);
        }
        PseudoLabelManifest.write(dir, manifest);
    }

    private static void deleteQuietly(Path dir) {
        try {
            FileTrees.delete(dir);
        } catch (IOException ignored) {
            // the failure being reported matters more; a leftover .partial folder is replaced by the next run
        }
    }
}
