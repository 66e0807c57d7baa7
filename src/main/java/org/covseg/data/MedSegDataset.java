package org.covseg.data;

import java.nio.file.Path;
import org.covseg.io.MaskEncoding;
import org.covseg.io.SliceOrientation;

/**
 * The MedSeg slices at full 512x512 ({@code MedSeg-100-512/{Imgs,GT}}): 8-bit grey PNG images stored as displayed,
 * binary infection masks stored as 1-bit palette PNGs with indices 0/1 (read as 0/1).
 */
public final class MedSegDataset {

    private static final String LAYOUT = "MedSeg";

    private MedSegDataset() {
    }

    public static SliceDataset<LabeledSlice> open(Path dir) {
        return PairedFolders.open("MedSeg infection, " + dir, ImageFolder.requireChild(dir, "Imgs", LAYOUT),
                ImageFolder.requireChild(dir, "GT", LAYOUT), null, SliceOrientation.DISPLAY, MaskEncoding.BINARY_0_1);
    }
}
