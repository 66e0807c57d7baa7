package org.covseg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.covseg.analysis.TinyModels;
import org.covseg.data.SliceWindowCheck;
import org.covseg.image.MaskEdges;
import org.covseg.image.Volume;
import org.covseg.image.Window;
import org.covseg.infer.InfectionSegmenter;
import org.covseg.infer.NetworkBoxes;
import org.covseg.infer.OnBoxes;
import org.covseg.io.MaskEncoding;
import org.covseg.io.SliceImageReader;
import org.covseg.io.SliceImageWriter;
import org.covseg.io.SliceOrientation;
import org.covseg.phantom.Phantom;
import org.covseg.phantom.PhantomConfig;
import org.covseg.semi.PseudoLabel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pseudo-label: labeled slices plus a tiny teacher's labels on unlabeled volumes (one of them windowed unlike the
 * training slices, which is reported), then trainable as multi-class.
 */
class PseudoLabelCommandTest {

    @TempDir
    static Path dir;

    static Path labeled;
    static Path unlabeled;
    static Path prior;
    static Path teacher;

    @BeforeAll
    static void makeDataAndModels() throws IOException {
        labeled = TinyMulticlassDataset.write(dir, 4);
        unlabeled = dir.resolve("Unlabeled");
        Files.createDirectories(unlabeled.resolve("Imgs"));
        Phantom phantom = Phantom.generate(PhantomConfig.builder().grid(64, 8, 5.0, 8.0).build());
        for (String name : List.of("volA_1", "volA_2", "volA_3", "volB_1", "volB_2", "volC_1")) {
            int z = 2 + Integer.parseInt(name.substring(name.length() - 1));
            Volume grey = Window.LUNG.apply(phantom.slice(z).ct());
            SliceImageWriter.writeGrey8(unlabeled.resolve("Imgs/" + name + ".png"),
                    name.startsWith("volC") ? wideWindow(grey) : grey, SliceOrientation.TRANSPOSED);
        }
        prior = TinyModels.infection(dir.resolve("prior"));
        teacher = TinyModels.multiclass(dir.resolve("teacher"), prior);
    }

    /** The slice as a much wider window would show it: soft tissue mid-grey instead of white. */
    private static Volume wideWindow(Volume lungWindowed) {
        float[] grey = lungWindowed.toArray();
        for (int p = 0; p < grey.length; p++) {
            grey[p] *= 0.4f;
        }
        return lungWindowed.withVoxels(grey, lungWindowed.unit());
    }

    private static Cli pseudoLabel(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("pseudo-label", "--model", teacher.toString(),
                "--labeled", labeled.toString(), "--unlabeled", unlabeled.toString(), "--out", out.toString(),
                "--threads", "1"));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void writesLabeledAndPseudoLabelledSlicesOfTheKeptVolumesAndTrainsOnThem() throws IOException {
        Map<String, String> inputsBefore = contents(dir.resolve("Unlabeled"), labeled);
        Path out = dir.resolve("pseudo");

        Cli r = pseudoLabel(out, "--exclude", "volB");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("4 labeled + 4 pseudo-labelled slices from 2 volumes (1 left out)",
                "volC: 1 of 1 slices look windowed unlike the training slices");
        Path data = out.resolve("MultiClassInfection-Pseudo");
        assertThat(names(data.resolve("Imgs"))).containsExactly("m0.png", "m1.png", "m2.png", "m3.png",
                "volA_1.png", "volA_2.png", "volA_3.png", "volC_1.png");
        assertThat(names(data.resolve("GT"))).isEqualTo(names(data.resolve("Imgs")));
        assertThat(Files.mismatch(data.resolve("GT/m2.png"), labeled.resolve("GT/m2.png"))).isEqualTo(-1);
        Volume image = SliceImageReader.readImage(data.resolve("Imgs/volA_2.png"), SliceOrientation.TRANSPOSED);
        Volume labels = SliceImageReader.readMask(data.resolve("GT/volA_2.png"), MaskEncoding.LABELS,
                SliceOrientation.TRANSPOSED);
        assertThat(labels.width()).isEqualTo(image.width());
        assertThat(labels.height()).isEqualTo(image.height());
        Set<Float> values = new TreeSet<>();
        for (float v : labels.toArray()) {
            values.add(v);
        }
        assertThat(values).isSubsetOf(0f, 1f, 2f);
        String manifest = Files.readString(data.resolve("pseudo-labels.json"));
        assertThat(manifest).contains("\"volA\" : 3", "\"excludedVolumes\" : [ \"volB\" ]", "\"pseudoSlices\" : 4",
                "\"volumesWindowedUnlikeTraining\" : [ \"volC\" ]",
                "\"name\" : \"tiny-multiclass\"", "\"slices\" : 4");
        assertThat(Files.exists(out.resolve("MultiClassInfection-Pseudo.partial"))).isFalse();
        assertThat(contents(dir.resolve("Unlabeled"), labeled)).containsExactlyInAnyOrderEntriesOf(inputsBefore);

        Cli train = Cli.run("train", "--task", "multiclass", "--prior", prior.toString(), "--data", data.toString(),
                "--val", "m0", "--out", dir.resolve("student").toString(), "--width", "0.1", "--size", "64",
                "--scales", "1", "--batch-size", "2", "--epochs", "1", "--threads", "1");
        assertThat(train.exitCode()).as(train.err()).isZero();
        assertThat(train.out()).contains("7 training and 1 validation slices");
        assertThat(Files.readString(dir.resolve("student/model/model.json"))).contains("\"pseudoLabels\"",
                "\"excludedVolumes\" : [ \"volB\" ]");
    }

    /** Every volume is re-windowed before labelling (volC from soft tissue mid-grey), and written re-windowed. */
    @Test
    void rewindowTurnsAWideWindowVolumeIntoALungWindowedOne() throws IOException {
        Path out = dir.resolve("rewindowed");

        Cli r = pseudoLabel(out, "--exclude", "volB", "--rewindow");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("volA: re-windowed (--rewindow): the lung and soft-tissue grey peaks of the 3"
                + " images", "volC: re-windowed (--rewindow): the lung and soft-tissue grey peaks of the image");
        Path data = out.resolve("MultiClassInfection-Pseudo");
        Volume original = SliceImageReader.readImage(unlabeled.resolve("Imgs/volC_1.png"), SliceOrientation.TRANSPOSED);
        Volume written = SliceImageReader.readImage(data.resolve("Imgs/volC_1.png"), SliceOrientation.TRANSPOSED);
        assertThat(SliceWindowCheck.looksLungWindowed(original)).isFalse();
        assertThat(SliceWindowCheck.looksLungWindowed(written)).isTrue();
        assertThat(Files.readString(data.resolve("pseudo-labels.json")))
                .contains("\"volumesWindowedUnlikeTraining\" : [ ]", "\"rewindowedVolumes\" : {", "\"volA\" : {",
                        "\"volC\" : {", "\"estimatedLevel\"");
    }

    @Test
    void aPatternMatchingNoVolumeIsRefusedAndWritesNothing() {
        Path out = dir.resolve("no-match");

        Cli r = pseudoLabel(out, "--exclude", "volZ*");

        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err().strip()).startsWith("covseg: --exclude 'volZ*' matches no volume of").doesNotContain("\n")
                .contains("e.g. volA");
        assertThat(Files.exists(out.resolve("MultiClassInfection-Pseudo"))).isFalse();
    }

    @Test
    void excludingEveryVolumeIsRefused() {
        Cli r = pseudoLabel(dir.resolve("none-left"), "--exclude", "vol*");

        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err()).contains("--exclude leaves no volume of");
    }

    /**
     * An infection teacher: its masks and their edges as 0/255 PNGs beside the labeled slices, in the lung-infection
     * layout, each mask the teacher's map above 0.5 as evaluate computes it; then trainable as single-class.
     */
    @Test
    void anInfectionTeacherWritesMasksAndEdgesAndTrainsSingleClass() throws IOException {
        Path lungInfection = lungInfectionSet("LungInfection-Tiny", false);
        Path out = dir.resolve("single-class");

        Cli r = pseudoLabelSingleClass(lungInfection, out);

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("3 labeled + 3 pseudo-labelled slices from 1 volumes (2 left out)");
        Path data = out.resolve("LungInfection-Pseudo");
        assertThat(names(data.resolve("Imgs"))).containsExactly("l0.png", "l1.png", "l2.png", "volA_1.png",
                "volA_2.png", "volA_3.png");
        assertThat(names(data.resolve("GT"))).isEqualTo(names(data.resolve("Imgs")));
        assertThat(data.resolve("Edge")).as("the labeled set has no edge maps").doesNotExist();
        Volume image = SliceImageReader.readImage(data.resolve("Imgs/volA_2.png"), SliceOrientation.TRANSPOSED);
        float[] expected;
        try (InfectionSegmenter teacherNet = InfectionSegmenter.open(prior, 1)) {
            expected = OnBoxes.probabilities(List.of(image), NetworkBoxes.ofImages(List.of(image)),
                    teacherNet::predict, n -> { }).take(0);
        }
        Volume mask = SliceImageReader.readMask(data.resolve("GT/volA_2.png"), MaskEncoding.BINARY_0_255,
                SliceOrientation.TRANSPOSED);
        float[] stored = mask.toArray();
        for (int p = 0; p < stored.length; p++) {
            assertThat(stored[p]).as("pixel %d, probability %f", p, expected[p]).isEqualTo(expected[p] > 0.5f ? 1 : 0);
        }
        assertThat(Files.readString(data.resolve("pseudo-labels.json"))).contains("\"infection\" :",
                "\"name\" : \"tiny-infection\"", "\"slices\" : 3");

        Cli train = Cli.run("train", "--data", data.toString(), "--val", "l0", "--out",
                dir.resolve("single-class-student").toString(), "--width", "0.1", "--size", "64", "--scales", "1",
                "--batch-size", "2", "--epochs", "1", "--threads", "1");
        assertThat(train.exitCode()).as(train.err()).isZero();
        assertThat(train.out()).contains("5 training and 1 validation slices");
        assertThat(Files.readString(dir.resolve("single-class-student/model/model.json"))).contains(
                "\"pseudoLabels\"", "\"excludedVolumes\" : [ \"volB\", \"volC\" ]");
    }

    /** pseudo-label with the infection model as teacher, volume A only. */
    private static Cli pseudoLabelSingleClass(Path labeledSet, Path out) {
        return Cli.run("pseudo-label", "--model", prior.toString(), "--labeled", labeledSet.toString(),
                "--unlabeled", unlabeled.toString(), "--out", out.toString(), "--exclude", "volB,volC",
                "--threads", "1");
    }

    /** Slices m0..m2 of the multi-class set as a single-class set l0..l2 (any class is infection), maybe with edges. */
    private static Path lungInfectionSet(String name, boolean edges) throws IOException {
        Path set = dir.resolve(name);
        Files.createDirectories(set.resolve("Imgs"));
        Files.createDirectories(set.resolve("GT"));
        for (String slice : List.of("l0", "l1", "l2")) {
            Files.copy(labeled.resolve("Imgs/m" + slice.charAt(1) + ".png"), set.resolve("Imgs/" + slice + ".png"));
            Volume labels = SliceImageReader.readMask(labeled.resolve("GT/m" + slice.charAt(1) + ".png"),
                    MaskEncoding.LABELS, SliceOrientation.TRANSPOSED);
            float[] mask = labels.toArray();
            for (int p = 0; p < mask.length; p++) {
                mask[p] = mask[p] > 0 ? 255 : 0;
            }
            SliceImageWriter.writeGrey8(set.resolve("GT/" + slice + ".png"), labels.withVoxels(mask, labels.unit()),
                    SliceOrientation.TRANSPOSED);
            if (edges) {
                Files.createDirectories(set.resolve("Edge"));
                Files.copy(set.resolve("GT/" + slice + ".png"), set.resolve("Edge/" + slice + ".png"));
            }
        }
        return set;
    }

    /** A labeled set with edge maps: they are copied, and every pseudo label gets its mask's edges too. */
    @Test
    void aLabeledSetWithEdgeMapsGivesEveryPseudoLabelOne() throws IOException {
        Path lungInfection = lungInfectionSet("LungInfection-WithEdges", true);
        Path out = dir.resolve("single-class-edges");

        Cli r = pseudoLabelSingleClass(lungInfection, out);

        assertThat(r.exitCode()).as(r.err()).isZero();
        Path data = out.resolve("LungInfection-Pseudo");
        assertThat(names(data.resolve("Edge"))).isEqualTo(names(data.resolve("Imgs")));
        assertThat(Files.mismatch(data.resolve("Edge/l1.png"), lungInfection.resolve("Edge/l1.png"))).isEqualTo(-1);
        Volume mask = SliceImageReader.readMask(data.resolve("GT/volA_1.png"), MaskEncoding.BINARY_0_255,
                SliceOrientation.TRANSPOSED);
        Volume edge = SliceImageReader.readMask(data.resolve("Edge/volA_1.png"), MaskEncoding.BINARY_0_255,
                SliceOrientation.TRANSPOSED);
        assertThat(edge.toArray()).containsExactly(
                MaskEdges.of(mask.toArray(), mask.width(), mask.height(), PseudoLabel.EDGE_RADIUS));
    }

    /** An infection teacher with a multi-class labeled set (or the reverse) is refused before anything is written. */
    @Test
    void aLabeledSetOfAnotherTaskIsRefused() throws IOException {
        Path out = dir.resolve("mixed");

        Cli single = pseudoLabelSingleClass(labeled, out);
        Cli multi = Cli.run("pseudo-label", "--model", teacher.toString(), "--labeled",
                lungInfectionSet("LungInfection-ForMulti", false).toString(), "--unlabeled", unlabeled.toString(),
                "--out", out.toString());

        assertThat(single.exitCode()).isNotZero();
        assertThat(single.err().strip()).startsWith("covseg: --labeled").doesNotContain("\n")
                .contains("a teacher of task 'infection' needs its task's labeled set, COVID-SemiSeg lung infection");
        assertThat(multi.exitCode()).isNotZero();
        assertThat(multi.err()).contains("a teacher of task 'multiclass' needs its task's labeled set");
        assertThat(out).doesNotExist();
    }

    @Test
    void aDetectionModelIsRefusedAsTeacher() throws IOException {
        Path detect = TinyModels.detect(dir.resolve("detect"));

        Cli r = Cli.run("pseudo-label", "--model", detect.toString(), "--labeled", labeled.toString(), "--unlabeled",
                unlabeled.toString(), "--out", dir.resolve("wrong-teacher").toString());

        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err()).contains("pseudo labels need an infection or multiclass model");
    }

    @Test
    void anExistingFolderIsNotOverwritten() throws IOException {
        Path out = dir.resolve("existing");
        Files.createDirectories(out.resolve("MultiClassInfection-Pseudo"));
        Path mine = Files.writeString(out.resolve("MultiClassInfection-Pseudo/notes.txt"), "mine");

        Cli r = pseudoLabel(out);

        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err()).contains("already exists; covseg does not overwrite a dataset");
        assertThat(Files.readString(mine)).isEqualTo("mine");
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static Map<String, String> contents(Path... folders) throws IOException {
        Map<String, String> all = new TreeMap<>();
        for (Path folder : folders) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    all.put(f.toString(), Base64.getEncoder().encodeToString(Files.readAllBytes(f)));
                }
            }
        }
        return all;
    }
}
