package org.covseg.evaluation;

import java.nio.file.Path;
import java.util.Optional;
import org.covseg.CovsegException;
import org.covseg.image.Volume;
import org.covseg.io.MaskEncoding;
import org.covseg.io.SliceImageReader;
import org.covseg.io.SliceOrientation;

/**
 * Where one image's ground truth for one class is stored: a binary mask file, or one class of a label-map file.
 * Files are read in their own pixel order, as the predictions are; the metrics do not depend on orientation.
 *
 * <ul>
 *   <li>Binary masks are binarised per file: a mask whose largest value is at most 1 is a 0/1 mask and its
 *   foreground is {@code value > 0}; any other is a 0/255 mask with foreground {@code value > 128}, as in the
 *   official evaluation tool. A mask whose largest value lies above 1 and at most 128 would have no foreground
 *   either way and is refused (it is usually a label map). Values are palette indices for palette PNGs (1-bit
 *   MedSeg masks are 0/1) and grey levels otherwise.</li>
 *   <li>Label maps must hold only 0 (background), 1 (ground-glass opacity) and 2 (consolidation); the class's
 *   foreground is {@code value == label}.</li>
 * </ul>
 */
public record TruthFile(Path file, Optional<InfectionClass> labelOf) {

    /** A 0/255 mask's foreground lies above this value. */
    private static final int BINARY_0_255_THRESHOLD = 128;

    public static TruthFile mask(Path file) {
        return new TruthFile(file, Optional.empty());
    }

    public static TruthFile labelMap(Path file, InfectionClass infectionClass) {
        return new TruthFile(file, Optional.of(infectionClass));
    }

    public TruthMask read() {
        Volume stored = SliceImageReader.readLabels(file, SliceOrientation.DISPLAY);
        float[] values = stored.toArray();
        boolean[] pixels = new boolean[values.length];
        if (labelOf.isPresent()) {
            int label = labelOf.get().label();
            for (int p = 0; p < values.length; p++) {
                requireKnownLabel(values[p]);
                pixels[p] = values[p] == label;
            }
        } else {
            float max = stored.range()[1];
            if (max > 1 && max <= BINARY_0_255_THRESHOLD) {
                throw new CovsegException("mask " + file + " holds values up to " + (int) max + ": neither a 0/1 nor"
                        + " a 0/255 mask, so no pixel would count as infected (a label map 0/1/2? give label maps"
                        + " with --classes or --labels)");
            }
            MaskEncoding encoding = max <= 1 ? MaskEncoding.BINARY_0_1 : MaskEncoding.BINARY_0_255;
            float[] binary = encoding.decode(stored).toArray();
            for (int p = 0; p < binary.length; p++) {
                pixels[p] = binary[p] > 0;
            }
        }
        return new TruthMask(pixels, stored.width(), stored.height());
    }

    private void requireKnownLabel(float value) {
        if (value != 0 && value != InfectionClass.GGO.label() && value != InfectionClass.CONSOLIDATION.label()) {
            throw new CovsegException("label map " + file + " holds the value " + (int) value + "; expected only 0"
                    + " (background), 1 (ground-glass opacity) and 2 (consolidation) as palette indices or grey levels");
        }
    }
}
