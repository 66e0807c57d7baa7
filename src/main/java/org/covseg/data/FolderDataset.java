package org.covseg.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.covseg.image.Volume;
import org.covseg.io.MaskEncoding;
import org.covseg.io.SliceImageReader;
import org.covseg.io.SliceOrientation;

/**
 * Users' own slices: an images folder and a masks folder whose files pair up by base name (extensions may differ,
 * e.g. {@code images/case1.jpg} with {@code masks/case1.png}), or a folder of images alone.
 */
public final class FolderDataset {

    private FolderDataset() {
    }

    /** Pairs stored as displayed, masks decoded with {@link MaskEncoding#AUTO} (0/255 → 0/1, small labels kept). */
    public static SliceDataset<LabeledSlice> open(Path images, Path masks) {
        return open(images, masks, SliceOrientation.DISPLAY, MaskEncoding.AUTO);
    }

    public static SliceDataset<LabeledSlice> open(Path images, Path masks, SliceOrientation orientation,
            MaskEncoding maskEncoding) {
        return PairedFolders.open("image/mask folders " + images + " and " + masks, images, masks, null,
                orientation, maskEncoding);
    }

    /** The images of one folder, each its own group. */
    public static SliceDataset<Volume> images(Path dir, SliceOrientation orientation) {
        List<SliceDataset.Entry<Volume>> entries = new ArrayList<>();
        ImageFolder.byBaseName(dir).forEach((name, file) -> entries.add(
                new SliceDataset.Entry<>(name, name, () -> SliceImageReader.readImage(file, orientation))));
        return new SliceDataset<>("images in " + dir, entries);
    }
}
