package org.covseg.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.covseg.CovsegException;
import org.covseg.image.Volume;
import org.covseg.io.MaskEncoding;
import org.covseg.io.SliceImageReader;
import org.covseg.io.SliceOrientation;

/** A segmentation dataset of an images folder and a masks folder (and maybe an edges folder) paired by base name. */
final class PairedFolders {

    private PairedFolders() {
    }

    /**
     * @param edges edge-map folder, or null when the dataset has none; edge maps are 0/255 images
     */
    static SliceDataset<LabeledSlice> open(String description, Path images, Path masks, Path edges,
            SliceOrientation orientation, MaskEncoding maskEncoding) {
        Map<String, Path> imageFiles = ImageFolder.byBaseName(images);
        Map<String, Path> maskFiles = ImageFolder.byBaseName(masks);
        ImageFolder.requireSameNames(imageFiles, images, maskFiles, masks, "mask");
        Map<String, Path> edgeFiles = edges == null ? Map.of() : ImageFolder.byBaseName(edges);
        if (edges != null) {
            ImageFolder.requireSameNames(imageFiles, images, edgeFiles, edges, "edge map");
        }
        List<SliceDataset.Entry<LabeledSlice>> entries = new ArrayList<>();
        imageFiles.forEach((name, image) -> {
            Path mask = maskFiles.get(name);
            Path edge = edgeFiles.get(name);
            entries.add(new SliceDataset.Entry<>(name, name,
                    () -> read(name, image, mask, edge, orientation, maskEncoding)));
        });
        return new SliceDataset<>(description, entries);
    }

    private static LabeledSlice read(String name, Path imageFile, Path maskFile, Path edgeFile,
            SliceOrientation orientation, MaskEncoding maskEncoding) {
        Volume image = SliceImageReader.readImage(imageFile, orientation);
        Volume mask = sameSize(image, imageFile, SliceImageReader.readMask(maskFile, maskEncoding, orientation),
                maskFile);
        Optional<Volume> edge = Optional.ofNullable(edgeFile).map(f -> sameSize(image, imageFile,
                SliceImageReader.readMask(f, MaskEncoding.BINARY_0_255, orientation), f));
        return new LabeledSlice(name, image, mask, edge);
    }

    private static Volume sameSize(Volume image, Path imageFile, Volume other, Path otherFile) {
        if (other.width() != image.width() || other.height() != image.height()) {
            throw new CovsegException(otherFile + " is " + size(other) + " but its image " + imageFile + " is "
                    + size(image));
        }
        return other;
    }

    private static String size(Volume v) {
        return v.width() + "x" + v.height();
    }
}
