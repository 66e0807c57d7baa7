package org.covseg.train;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.covseg.CovsegException;
import org.covseg.data.LabeledSlice;
import org.covseg.image.BilinearResize;
import org.covseg.image.Volume;
import org.covseg.infer.ModelSpec;
import org.covseg.infer.MulticlassInput;
import org.covseg.nn.UNet;

/**
 * Multi-class slices prepared once at the training size: the 6-channel input of {@link MulticlassInput} (slice +
 * infection prior) and one-hot targets (background, ground-glass opacity, consolidation) made at the slice's size
 * and resized bilinearly to soft [0, 1] maps that still sum to 1 (the official loader resizes the label map itself,
 * which blends label values into wrong classes at borders).
 */
public final class MulticlassTrainingSet implements TrainingSet {

    private final int size;
    private final List<float[]> inputs = new ArrayList<>();
    private final List<float[]> targets = new ArrayList<>();

    /**
     * @param priors each slice's infection probability at the slice's own size, in the order of {@code slices}
     */
    public MulticlassTrainingSet(List<LabeledSlice> slices, List<float[]> priors, ModelSpec spec, int size) {
        this.size = size;
        for (int s = 0; s < slices.size(); s++) {
            LabeledSlice slice = slices.get(s);
            inputs.add(MulticlassInput.of(slice.image(), priors.get(s), spec, size));
            targets.add(oneHot(slice, size));
        }
    }

    /** The one-hot target of a label map (0, 1, 2), resized to size x size, channel-major. */
    static float[] oneHot(LabeledSlice slice, int size) {
        Volume mask = slice.mask();
        float[] labels = mask.toArray();
        int plane = size * size;
        float[] target = new float[UNet.CLASSES * plane];
        for (int c = 0; c < UNet.CLASSES; c++) {
            float[] channel = new float[labels.length];
            for (int p = 0; p < labels.length; p++) {
                if (labels[p] < 0 || labels[p] >= UNet.CLASSES || labels[p] != Math.rint(labels[p])) {
                    throw new CovsegException("the label map of slice " + slice.name() + " holds " + labels[p]
                            + "; multi-class training needs 0 (background), 1 (ground-glass opacity) and 2"
                            + " (consolidation)");
                }
                channel[p] = labels[p] == c ? 1 : 0;
            }
            float[] resized = BilinearResize.resize(channel, mask.width(), mask.height(), size, size, false);
            System.arraycopy(resized, 0, target, c * plane, plane);
        }
        return target;
    }

    @Override
    public int size() {
        return inputs.size();
    }

    @Override
    public Batch load(NDManager manager, int[] indices) {
        int plane = size * size;
        int inputLength = MulticlassInput.CHANNELS * plane;
        int targetLength = UNet.CLASSES * plane;
        float[] x = new float[indices.length * inputLength];
        float[] y = new float[indices.length * targetLength];
        for (int b = 0; b < indices.length; b++) {
            System.arraycopy(inputs.get(indices[b]), 0, x, b * inputLength, inputLength);
            System.arraycopy(targets.get(indices[b]), 0, y, b * targetLength, targetLength);
        }
        return Batch.withoutEdges(manager.create(x, new Shape(indices.length, MulticlassInput.CHANNELS, size, size)),
                manager.create(y, new Shape(indices.length, UNet.CLASSES, size, size)));
    }
}
