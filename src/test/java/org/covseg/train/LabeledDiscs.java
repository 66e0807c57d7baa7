package org.covseg.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.covseg.data.LabeledSlice;
import org.covseg.image.IntensityUnit;
import org.covseg.image.Volume;
import org.covseg.model.ModelSpec;
import org.covseg.nn.NetworkSize;

/**
 * Labeled slices as a dataset holds them: a white disc ("lesion") on black, its 0/1 mask (the image thresholded), no
 * edge map. Position and radius follow from the slice index.
 */
final class LabeledDiscs {

    static final ModelSpec SPEC = ModelSpec.infection("test", new NetworkSize(1.0, 64), Map.of(),
            Map.of());

    private LabeledDiscs() {
    }

    static List<LabeledSlice> of(int count, int size) {
        List<LabeledSlice> slices = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            double cx = size * (0.3 + 0.4 * ((k * 37) % 11) / 10.0);
            double cy = size * (0.3 + 0.4 * ((k * 53) % 7) / 6.0);
            double r = size * (0.1 + 0.02 * (k % 5));
            float[] grey = new float[size * size];
            float[] mask = new float[size * size];
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    boolean inside = (x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r;
                    grey[y * size + x] = inside ? 255 : 0;
                    mask[y * size + x] = inside ? 1 : 0;
                }
            }
            slices.add(new LabeledSlice("disc" + k,
                    Volume.builder(size, size, 1).voxels(grey).unit(IntensityUnit.WINDOWED_8BIT).build(),
                    Volume.builder(size, size, 1).voxels(mask).unit(IntensityUnit.LABEL).build(), Optional.empty()));
        }
        return slices;
    }

    static SliceTrainingSet prepared(int count, int size) {
        return new SliceTrainingSet(of(count, size), SPEC, size);
    }
}
