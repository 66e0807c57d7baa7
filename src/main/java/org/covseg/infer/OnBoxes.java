package org.covseg.infer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.IntConsumer;
import org.covseg.image.Volume;

/**
 * Runs a network on one box of each slice ({x0, y0, x1, y1}, inclusive) and puts its maps back at the slice's own
 * size, zero outside the box. A slice without a box (no lung on it) gets maps of zeros and is not run; a box that
 * covers the whole slice gives exactly the network's map of the slice.
 */
public final class OnBoxes {

    /** A multi-class network run on slices with the given priors (null: it runs its own prior). */
    @FunctionalInterface
    public interface ClassNetwork {
        List<MulticlassMaps> classes(List<Volume> slices, List<float[]> priors, IntConsumer slicesDone);
    }

    private OnBoxes() {
    }

    /**
     * The infection maps {@code network} gives on the boxes. The network's maps of the boxes are kept; each slice's
     * full-size map is made when it is taken, so the full-size maps need not all be in memory at once.
     */
    public static SliceMaps probabilities(List<Volume> slices, List<int[]> boxes,
            BiFunction<List<Volume>, IntConsumer, List<float[]>> network, IntConsumer slicesDone) {
        List<Volume> crops = crops(slices, boxes);
        slicesDone.accept(slices.size() - crops.size());
        SliceMaps cropMaps = SliceMaps.of(crops.isEmpty() ? List.of() : network.apply(crops, slicesDone));
        int[] cropOf = new int[slices.size()];
        int next = 0;
        for (int s = 0; s < slices.size(); s++) {
            cropOf[s] = boxes.get(s) == null ? -1 : next++;
        }
        return SliceMaps.madeWhenTaken(slices.size(), s -> {
            Volume slice = slices.get(s);
            float[] map = new float[slice.width() * slice.height()];
            if (cropOf[s] >= 0) {
                LungBoxes.paste(cropMaps.take(cropOf[s]), boxes.get(s), map, slice.width());
            }
            return map;
        });
    }

    /**
     * The class maps {@code network} gives on the boxes, with each box's part of {@code infection} as its prior, or
     * with its own prior when {@code infection} is null.
     */
    public static List<MulticlassMaps> classes(List<Volume> slices, List<int[]> boxes, List<float[]> infection,
            ClassNetwork network, IntConsumer slicesDone) {
        List<Volume> crops = crops(slices, boxes);
        List<float[]> priors = null;
        if (infection != null) {
            priors = new ArrayList<>();
            for (int s = 0; s < slices.size(); s++) {
                if (boxes.get(s) != null) {
                    priors.add(LungBoxes.crop(infection.get(s), boxes.get(s), slices.get(s).width()));
                }
            }
        }
        slicesDone.accept(slices.size() - crops.size());
        List<MulticlassMaps> cropMaps = crops.isEmpty() ? List.of() : network.classes(crops, priors, slicesDone);
        List<MulticlassMaps> maps = new ArrayList<>();
        int next = 0;
        for (int s = 0; s < slices.size(); s++) {
            Volume slice = slices.get(s);
            int plane = slice.width() * slice.height();
            float[] ggo = new float[plane];
            float[] consolidation = new float[plane];
            float[] labels = new float[plane];
            int[] box = boxes.get(s);
            if (box != null) {
                MulticlassMaps m = cropMaps.get(next++);
                LungBoxes.paste(m.ggo(), box, ggo, slice.width());
                LungBoxes.paste(m.consolidation(), box, consolidation, slice.width());
                LungBoxes.paste(m.labels(), box, labels, slice.width());
            }
            maps.add(new MulticlassMaps(ggo, consolidation, labels));
        }
        return maps;
    }

    private static List<Volume> crops(List<Volume> slices, List<int[]> boxes) {
        List<Volume> crops = new ArrayList<>();
        for (int s = 0; s < slices.size(); s++) {
            if (boxes.get(s) != null) {
                crops.add(LungBoxes.crop(slices.get(s), boxes.get(s)));
            }
        }
        return crops;
    }
}
