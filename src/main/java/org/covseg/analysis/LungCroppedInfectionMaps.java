package org.covseg.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.covseg.CovsegException;
import org.covseg.image.Volume;
import org.covseg.report.ModelInfo;
import org.covseg.severity.LungMasks;

/**
 * Runs an infection model on each slice's lung bounding box only, as the training slices were cropped (COVID-SemiSeg
 * slices are cut to the lung box): a model shown a full field of view also marks the chest wall. The box is that of
 * both lungs of the slice (found on the slice alone), widened by {@value #MARGIN_FRACTION} of the slice's size on
 * each side; the map is zero outside it and on slices without lungs.
 */
public final class LungCroppedInfectionMaps implements InfectionMaps {

    static final double MARGIN_FRACTION = 0.02;

    private final InfectionMaps model;
    private final LungMasks lungs;

    public LungCroppedInfectionMaps(InfectionMaps model, LungMasks lungs) {
        this.model = model;
        this.lungs = lungs;
    }

    @Override
    public ModelInfo model() {
        return model.model();
    }

    @Override
    public List<float[]> probabilities(List<Volume> slices, IntConsumer slicesDone) {
        List<int[]> boxes = new ArrayList<>();
        List<Volume> crops = new ArrayList<>();
        for (Volume slice : slices) {
            int[] box = lungBox(slice);
            boxes.add(box);
            if (box != null) {
                crops.add(crop(slice, box));
            }
        }
        int withoutLungs = slices.size() - crops.size();
        slicesDone.accept(withoutLungs);
        List<float[]> cropMaps = crops.isEmpty() ? List.of() : model.probabilities(crops, slicesDone);
        List<float[]> maps = new ArrayList<>();
        int next = 0;
        for (int s = 0; s < slices.size(); s++) {
            Volume slice = slices.get(s);
            float[] map = new float[slice.width() * slice.height()];
            int[] box = boxes.get(s);
            if (box != null) {
                paste(cropMaps.get(next++), box, map, slice.width());
            }
            maps.add(map);
        }
        return maps;
    }

    /** {x0, y0, x1, y1} inclusive, or null when the slice has no lung. */
    private int[] lungBox(Volume slice) {
        Volume labels;
        try {
            labels = lungs.segment(slice, Optional.empty());
        } catch (CovsegException noLung) {
            return null;
        }
        int w = slice.width();
        int h = slice.height();
        int x0 = w;
        int y0 = h;
        int x1 = -1;
        int y1 = -1;
        float[] l = labels.toArray();
        for (int p = 0; p < l.length; p++) {
            if (l[p] != 0) {
                x0 = Math.min(x0, p % w);
                x1 = Math.max(x1, p % w);
                y0 = Math.min(y0, p / w);
                y1 = Math.max(y1, p / w);
            }
        }
        if (x1 < 0) {
            return null;
        }
        int mx = (int) Math.ceil(MARGIN_FRACTION * w);
        int my = (int) Math.ceil(MARGIN_FRACTION * h);
        return new int[] {Math.max(0, x0 - mx), Math.max(0, y0 - my), Math.min(w - 1, x1 + mx),
            Math.min(h - 1, y1 + my)};
    }

    static Volume crop(Volume slice, int[] box) {
        int cw = box[2] - box[0] + 1;
        int ch = box[3] - box[1] + 1;
        float[] out = new float[cw * ch];
        for (int y = 0; y < ch; y++) {
            for (int x = 0; x < cw; x++) {
                out[y * cw + x] = slice.get(box[0] + x, box[1] + y, 0);
            }
        }
        return slice.toBuilder().dimensions(cw, ch, 1).voxels(out)
                .affine(slice.affine().startingAt(box[0], box[1], 0)).build();
    }

    static void paste(float[] cropMap, int[] box, float[] map, int width) {
        int cw = box[2] - box[0] + 1;
        for (int p = 0; p < cropMap.length; p++) {
            map[(box[1] + p / cw) * width + box[0] + p % cw] = cropMap[p];
        }
    }
}
