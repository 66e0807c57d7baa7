package org.covseg.evaluation;

import java.nio.file.Path;
import org.covseg.image.BilinearResize;
import org.covseg.image.Volume;
import org.covseg.io.SliceImageReader;
import org.covseg.metrics.ProtocolMap;

/**
 * Reads a saved probability map (an 8-bit grey PNG as the official test script writes, 0 = 0, 255 = 1) and brings it
 * to its ground truth's size. Exactly:
 * <ol>
 *   <li>the file's grey levels as {@link SliceImageReader#readImage} gives them: 8-bit grey as stored, other grey
 *   depths scaled to 0..255 (16-bit: value / 257), colour as its grey value, palette as its colours' grey;</li>
 *   <li>only when the size differs from the ground truth's: bilinear resizing of those levels to the ground truth's
 *   size with align_corners=false and no antialiasing ({@link BilinearResize}), what PyTorch's
 *   {@code F.upsample}/{@code F.interpolate} does in the official test script. That script resizes the logits before
 *   the sigmoid and its min-max scaling; from a saved map only the grey levels are left, so they are resized;</li>
 *   <li>re-quantised to 8 bits: each value rounded half up to the nearest integer level, clamped to 0..255
 *   (a no-op for an 8-bit map of the right size).</li>
 * </ol>
 * The protocol then reads the levels as the MATLAB tool does ({@link ProtocolMap}).
 */
public final class SavedPrediction {

    private SavedPrediction() {
    }

    public static PredictionMap.GreyLevels read(Path file, int width, int height) {
        Volume grey = SliceImageReader.readImage(file);
        return atSize(grey.toArray(), grey.width(), grey.height(), width, height);
    }

    /**
     * One class of a predicted label map ({@code <name>_labels.png}: 0 background, 1 ground-glass opacity,
     * 2 consolidation, the most probable class) as a binary map, 255 where the label is the class's and 0 elsewhere:
     * what the official multi-class test script scores, which saves its argmax label map and splits it per class.
     * Read and resized like a probability map.
     */
    public static PredictionMap.GreyLevels readLabel(Path file, InfectionClass infectionClass, int width,
            int height) {
        TruthMask label = TruthFile.labelMap(file, infectionClass).read();
        float[] levels = new float[label.width() * label.height()];
        for (int p = 0; p < levels.length; p++) {
            levels[p] = label.pixels()[p] ? 255 : 0;
        }
        return atSize(levels, label.width(), label.height(), width, height);
    }

    private static PredictionMap.GreyLevels atSize(float[] levels, int fromWidth, int fromHeight, int width,
            int height) {
        boolean resized = fromWidth != width || fromHeight != height;
        float[] sized = resized ? BilinearResize.resize(levels, fromWidth, fromHeight, width, height, false) : levels;
        return new PredictionMap.GreyLevels(ProtocolMap.fromGreyLevels(quantise(sized), width, height), resized);
    }

    /** Rounds half up and clamps to 0..255. */
    static int[] quantise(float[] levels) {
        int[] out = new int[levels.length];
        for (int p = 0; p < levels.length; p++) {
            out[p] = (int) Math.floor(Math.min(255f, Math.max(0f, levels[p])) + 0.5);
        }
        return out;
    }
}
