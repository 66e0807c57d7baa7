package org.covseg.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.covseg.CovsegException;
import org.covseg.image.Volume;
import org.covseg.io.SliceOrientation;

/** Opens a dataset folder by recognising its {@link Layout}. */
public final class Datasets {

    private Datasets() {
    }

    /** A segmentation dataset: COVID-SemiSeg lung infection or multi-class, MedSeg, or images/ + masks/. */
    public static SliceDataset<LabeledSlice> open(Path dir) {
        Layout layout = layoutOf(dir);
        return switch (layout) {
            case SEMISEG_LUNG_INFECTION -> SemiSegDataset.lungInfection(dir);
            case SEMISEG_MULTI_CLASS -> SemiSegDataset.multiClass(dir);
            case MEDSEG -> MedSegDataset.open(dir);
            case FOLDER_PAIRS -> FolderDataset.open(ImageFolder.requireChild(dir, "images", "images/masks"),
                    ImageFolder.requireChild(dir, "masks", "images/masks"));
            case SEMISEG_UNLABELED, UCSD_COVID_CT -> throw new CovsegException(dir + " is a " + layout.description()
                    + " dataset, which has no infection masks; a segmentation dataset is needed here");
        };
    }

    /**
     * Images without labels: COVID-SemiSeg Unlabeled/ (or its Imgs/), grouped by CT volume; the Imgs/ folder of
     * another recognised layout, read in that layout's orientation; or any other folder of images, read as
     * displayed.
     */
    public static SliceDataset<Volume> openImages(Path dir) {
        ImageFolder.requireFolder(dir);
        if (Layout.detect(dir).orElse(null) == Layout.SEMISEG_UNLABELED) {
            return SemiSegDataset.unlabeled(dir);
        }
        Path absolute = dir.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        boolean isImgs = parent != null && absolute.getFileName().toString().equalsIgnoreCase("Imgs");
        Layout parentLayout = isImgs ? Layout.detect(parent).orElse(null) : null;
        if (parentLayout == Layout.SEMISEG_UNLABELED) {
            return SemiSegDataset.unlabeled(parent);
        }
        return FolderDataset.images(dir, parentLayout == null ? SliceOrientation.DISPLAY : parentLayout.orientation());
    }

    /** An image-level classification dataset (UCSD COVID-CT layout). */
    public static SliceDataset<ClassifiedSlice> openClassification(Path dir) {
        Layout layout = layoutOf(dir);
        if (layout != Layout.UCSD_COVID_CT) {
            throw new CovsegException(dir + " is a " + layout.description() + " dataset; a classification dataset"
                    + " needs the layout " + Layout.UCSD_COVID_CT.description());
        }
        return UcsdCovidCtDataset.open(dir);
    }

    private static Layout layoutOf(Path dir) {
        ImageFolder.requireFolder(dir);
        try (Stream<Path> children = Files.list(dir)) {
            if (children.findAny().isEmpty()) {
                throw new CovsegException("dataset folder is empty: " + dir);
            }
        } catch (IOException e) {
            throw new CovsegException("cannot list folder " + dir + ": " + e.getMessage(), e);
        }
        return Layout.detect(dir).orElseThrow(() -> new CovsegException(dir + " is not a dataset folder covseg"
                + " recognises" + insideHint(dir) + "; supported layouts: " + supported()));
    }

    private static String supported() {
        return Stream.of(Layout.values()).map(Layout::description).collect(Collectors.joining("; "));
    }

    /** Names the sub-folders that are datasets, for users who point one level too high. */
    private static String insideHint(Path dir) {
        List<String> found = new ArrayList<>();
        try (Stream<Path> children = Files.list(dir)) {
            children.filter(Files::isDirectory).sorted().forEach(child -> {
                Optional<Layout> layout = Layout.detect(child);
                layout.ifPresent(l -> found.add(child.getFileName() + " (" + l.name() + ")"));
            });
        } catch (IOException e) {
            return "";
        }
        return found.isEmpty() ? "" : " (but it holds " + String.join(", ", found) + ")";
    }
}
