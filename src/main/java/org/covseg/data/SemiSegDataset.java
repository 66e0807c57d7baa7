package org.covseg.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.covseg.image.Volume;
import org.covseg.io.MaskEncoding;
import org.covseg.io.SliceImageReader;
import org.covseg.io.SliceOrientation;

/**
 * Inf-Net's COVID-SemiSeg data. Its slices are stored transposed relative to the radiological display (a plain
 * transpose, no flip: checked against the uncropped MedSeg slices), so every reader here transposes on read and
 * samples reach memory in the canonical orientation.
 * <ul>
 *   <li>{@link #lungInfection}: {@code LungInfection-Train/Doctor-label/{Imgs,GT,Edge}}: JPEG images, 0/255 PNG
 *       masks and edge maps, read as 0/1. Edge/ is optional (the test split has none).</li>
 *   <li>{@link #multiClass}: {@code MultiClassInfection-Train/{Imgs,GT}}: palette PNG labels 0 background,
 *       1 ground-glass opacity, 2 consolidation, read as indices.</li>
 *   <li>{@link #unlabeled}: {@code Unlabeled/Imgs}: images only, named "volume_sliceIndex".</li>
 * </ul>
 */
public final class SemiSegDataset {

    public static final SliceOrientation ORIENTATION = SliceOrientation.TRANSPOSED;

    private SemiSegDataset() {
    }

    /** The binary infection layout: {@code dir} holds Imgs/, GT/ and optionally Edge/. */
    public static SliceDataset<LabeledSlice> lungInfection(Path dir) {
        Path images = folder(dir, "Imgs");
        Path edges = ImageFolder.child(dir, "Edge").orElse(null);
        return PairedFolders.open("COVID-SemiSeg lung infection, " + dir, images, folder(dir, "GT"), edges,
                ORIENTATION, MaskEncoding.BINARY_0_255);
    }

    /** The multi-class layout: {@code dir} holds Imgs/ and GT/ (palette indices 0/1/2). */
    public static SliceDataset<LabeledSlice> multiClass(Path dir) {
        return PairedFolders.open("COVID-SemiSeg multi-class infection, " + dir, folder(dir, "Imgs"),
                folder(dir, "GT"), null, ORIENTATION, MaskEncoding.LABELS);
    }

    /** The unlabeled slices: {@code dir} holds Imgs/; each slice's group is its CT volume. */
    public static SliceDataset<Volume> unlabeled(Path dir) {
        List<SliceDataset.Entry<Volume>> entries = new ArrayList<>();
        for (Path f : ImageFolder.list(folder(dir, "Imgs"))) {
            String name = ImageFolder.baseName(f);
            entries.add(new SliceDataset.Entry<>(name, volumeOf(name),
                    () -> SliceImageReader.readImage(f, ORIENTATION)));
        }
        return new SliceDataset<>("COVID-SemiSeg unlabeled, " + dir, entries);
    }

    /** The CT volume of an unlabeled slice: its name without the trailing "_sliceIndex". */
    public static String volumeOf(String sliceName) {
        return sliceName.replaceFirst("_\\d+$", "");
    }

    private static Path folder(Path dir, String name) {
        return ImageFolder.requireChild(dir, name, "COVID-SemiSeg");
    }
}
