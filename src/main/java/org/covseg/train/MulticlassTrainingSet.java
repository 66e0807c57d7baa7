package org.covseg.train;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.covseg.CovsegException;
import org.covseg.data.LabeledSlice;
import org.covseg.data.augment.Augmentation;
import org.covseg.data.augment.SampleAugmentation;
import org.covseg.image.BilinearResize;
import org.covseg.image.Volume;
import org.covseg.infer.MulticlassInput;
import org.covseg.model.ModelSpec;
import org.covseg.model.NetworkInput;
import org.covseg.nn.UNet;

/**
 * Multi-class slices prepared once at the training size: the grey levels of the slice and of its infection prior
 * (the two halves of the {@link MulticlassInput}) and one-hot targets (background, ground-glass opacity,
 * consolidation) made at the slice's size and resized bilinearly to soft [0, 1] maps that still sum to 1 (the
 * official loader resizes the label map itself, which blends label values into wrong classes at borders).
 *
 * <p>Under an {@link Augmentation}, slice {@code i} of epoch {@code e} is drawn from
 * {@link Augmentation#random(long, int, int) random(seed, e, i)} alone, as {@link AugmentedTrainingSet} does: the
 * slice, its prior and its targets are warped alike (the targets stay one-hot sums, background outside the slice);
 * intensity jitter changes the slice only, never the prior. Cutout does not apply: the prior would show what the
 * hole hides.
 */
public final class MulticlassTrainingSet implements TrainingSet {

    private record Prepared(float[] grey, float[] prior, float[] target) {
    }

    /** One slice as the network trains on it: the 6-channel input and the 3 target planes, channel-major. */
    public record Sample(float[] input, float[] target) {
    }

    private final int size;
    private final ModelSpec spec;
    private final List<Prepared> slices;
    private final Augmentation augmentation;
    private final long seed;
    private final int epoch;

    /**
     * The slices without augmentation.
     *
     * @param priors each slice's infection probability at the slice's own size, in the order of {@code slices}
     */
    public MulticlassTrainingSet(List<LabeledSlice> slices, List<float[]> priors, ModelSpec spec, int size) {
        this.size = size;
        this.spec = spec;
        this.slices = new ArrayList<>();
        for (int s = 0; s < slices.size(); s++) {
            LabeledSlice slice = slices.get(s);
            this.slices.add(new Prepared(NetworkInput.grey(slice.image(), spec, size),
                    MulticlassInput.priorGrey(slice.image(), priors.get(s), size), oneHot(slice, size)));
        }
        this.augmentation = Augmentation.NONE;
        this.seed = 0;
        this.epoch = 1;
    }

    private MulticlassTrainingSet(MulticlassTrainingSet base, Augmentation augmentation, long seed, int epoch) {
        this.size = base.size;
        this.spec = base.spec;
        this.slices = base.slices;
        this.augmentation = augmentation;
        this.seed = seed;
        this.epoch = epoch;
    }

    /** These slices under {@code augmentation}, as epoch 1 sees them. */
    public MulticlassTrainingSet augmented(Augmentation value, long seedValue) {
        if (value.cutout() > 0) {
            throw new IllegalArgumentException("cutout does not apply to multi-class training");
        }
        return new MulticlassTrainingSet(this, value, seedValue, 1);
    }

    @Override
    public MulticlassTrainingSet forEpoch(int value) {
        return augmentation.any() ? new MulticlassTrainingSet(this, augmentation, seed, value) : this;
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
        return slices.size();
    }

    /** Slice {@code index} as this epoch trains on it: the 6-channel input and the 3 target planes. */
    public Sample sample(int index) {
        Prepared p = slices.get(index);
        if (!augmentation.any()) {
            return new Sample(MulticlassInput.assemble(p.grey(), p.prior(), spec), p.target());
        }
        SampleAugmentation drawn = augmentation.draw(size, Augmentation.random(seed, epoch, index));
        int plane = size * size;
        float[] target = new float[p.target().length];
        for (int c = 0; c < UNet.CLASSES; c++) {
            float[] channel = Arrays.copyOfRange(p.target(), c * plane, (c + 1) * plane);
            System.arraycopy(drawn.plane(channel, size, c == 0 ? 1 : 0), 0, target, c * plane, plane);
        }
        return new Sample(MulticlassInput.assemble(drawn.grey(p.grey(), size), drawn.plane(p.prior(), size, 0), spec),
                target);
    }

    @Override
    public Batch load(NDManager manager, int[] indices) {
        int plane = size * size;
        int inputLength = MulticlassInput.CHANNELS * plane;
        int targetLength = UNet.CLASSES * plane;
        float[] x = new float[indices.length * inputLength];
        float[] y = new float[indices.length * targetLength];
        for (int b = 0; b < indices.length; b++) {
            Sample sample = sample(indices[b]);
            System.arraycopy(sample.input(), 0, x, b * inputLength, inputLength);
            System.arraycopy(sample.target(), 0, y, b * targetLength, targetLength);
        }
        return Batch.withoutEdges(manager.create(x, new Shape(indices.length, MulticlassInput.CHANNELS, size, size)),
                manager.create(y, new Shape(indices.length, UNet.CLASSES, size, size)));
    }
}
