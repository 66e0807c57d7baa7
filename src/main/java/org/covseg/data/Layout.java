package org.covseg.data;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.covseg.io.SliceOrientation;

/** The dataset layouts covseg recognises from a folder's structure. */
public enum Layout {

    SEMISEG_LUNG_INFECTION("COVID-SemiSeg lung infection: Imgs/, GT/ (0/255) and Edge/, e.g."
            + " COVID-SemiSeg/TrainingSet/LungInfection-Train/Doctor-label", true, SemiSegDataset.ORIENTATION),
    SEMISEG_MULTI_CLASS("COVID-SemiSeg multi-class: MultiClassInfection-*/ with Imgs/ and GT/ (palette 0/1/2)", true,
            SemiSegDataset.ORIENTATION),
    MEDSEG("MedSeg: Imgs/ and GT/ (0/1 masks) stored as displayed, e.g. MedSeg-100-512", true,
            SliceOrientation.DISPLAY),
    FOLDER_PAIRS("your own slices: images/ and masks/ with matching base names", true, SliceOrientation.DISPLAY),
    SEMISEG_UNLABELED("COVID-SemiSeg unlabeled: Unlabeled/ with Imgs/ only", false, SemiSegDataset.ORIENTATION),
    UCSD_COVID_CT("UCSD COVID-CT classification: CT_COVID/ and CT_NonCOVID/", false, SliceOrientation.DISPLAY);

    private final String description;
    private final boolean hasMasks;
    private final SliceOrientation orientation;

    Layout(String description, boolean hasMasks, SliceOrientation orientation) {
        this.description = description;
        this.hasMasks = hasMasks;
        this.orientation = orientation;
    }

    /** How the layout's image files are stored. */
    public SliceOrientation orientation() {
        return orientation;
    }

    public String description() {
        return description;
    }

    /** Whether the layout holds segmentation masks. */
    public boolean hasMasks() {
        return hasMasks;
    }

    /**
     * The layout of an existing folder, from its sub-folders and names. Imgs/ with GT/ is COVID-SemiSeg when the
     * folder or its parent is named LungInfection-* or MultiClassInfection-*, or when it has Edge/; else MedSeg.
     */
    public static Optional<Layout> detect(Path dir) {
        if (has(dir, UcsdCovidCtDataset.COVID_FOLDER) && has(dir, UcsdCovidCtDataset.NON_COVID_FOLDER)) {
            return Optional.of(UCSD_COVID_CT);
        }
        if (has(dir, "images") && has(dir, "masks")) {
            return Optional.of(FOLDER_PAIRS);
        }
        if (!has(dir, "Imgs")) {
            return Optional.empty();
        }
        if (!has(dir, "GT")) {
            return isUnlabeledSemiSeg(dir) ? Optional.of(SEMISEG_UNLABELED) : Optional.empty();
        }
        if (named(dir, "multiclassinfection-")) {
            return Optional.of(SEMISEG_MULTI_CLASS);
        }
        if (has(dir, "Edge") || named(dir, "lunginfection-")) {
            return Optional.of(SEMISEG_LUNG_INFECTION);
        }
        return Optional.of(MEDSEG);
    }

    private static boolean isUnlabeledSemiSeg(Path dir) {
        Path name = dir.toAbsolutePath().normalize().getFileName();
        return name != null && name.toString().equalsIgnoreCase("Unlabeled");
    }

    /** Whether the folder or its parent has a name starting with {@code prefix} (lower case). */
    private static boolean named(Path dir, String prefix) {
        Path p = dir.toAbsolutePath().normalize();
        for (int up = 0; up < 2 && p != null && p.getFileName() != null; up++, p = p.getParent()) {
            if (p.getFileName().toString().toLowerCase(Locale.ROOT).startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static boolean has(Path dir, String child) {
        return ImageFolder.child(dir, child).isPresent();
    }
}
