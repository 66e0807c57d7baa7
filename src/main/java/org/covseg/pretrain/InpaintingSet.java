package org.covseg.pretrain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.covseg.image.Volume;
import org.covseg.model.ModelSpec;
import org.covseg.model.NetworkInput;
import org.covseg.train.Batch;
import org.covseg.train.TrainingSet;

/**
 * Unlabeled slices prepared for inpainting at the training size. A batch carries the complete normalised images
 * ({@link Batch#images()}), the keep-masks of the epoch ({@link #forEpoch}; {@link Batch#masks()}, 1 = kept; the
 * objective erases the rest) and the edge targets ({@link Batch#edges()}, see {@link EdgeTarget}).
 */
public final class InpaintingSet implements TrainingSet {

    /** Where an epoch's keep-masks come from. */
    public interface Masks {
        /** Keep-masks {@code (N, 1, size, size)} for the normalised {@code images} of the slices at {@code indices}. */
        NDArray of(NDManager manager, NDArray images, int epoch, int[] indices);
    }

    private final int size;
    private final int channels;
    private final List<float[]> images;
    private final List<float[]> edges = new ArrayList<>();
    private Masks masks;

    /** The slices as the segmentation networks see them (three normalised channels). */
    public InpaintingSet(List<Volume> slices, ModelSpec spec, int size, Masks masks) {
        this(slices.stream().map(s -> NetworkInput.of(s, spec, size)).toList(), 3, spec, size, masks);
    }

    /**
     * Prepared network inputs of {@code channels} planes each (the first being the normalised grey image, for
     * example the multi-class network's image + prior).
     */
    public InpaintingSet(List<float[]> inputs, int channels, ModelSpec spec, int size, Masks masks) {
        this.size = size;
        this.channels = channels;
        this.masks = masks;
        this.images = List.copyOf(inputs);
        for (float[] input : inputs) {
            edges.add(EdgeTarget.of(grey(input, spec, size * size), size));
        }
    }

    /** The number of input channels. */
    public int channels() {
        return channels;
    }

    /** Keep-masks drawn by {@link RandomMasks}. */
    public static Masks randomMasks(RandomMasks random, int size) {
        return (manager, images, epoch, indices) -> {
            int plane = size * size;
            float[] m = new float[indices.length * plane];
            for (int b = 0; b < indices.length; b++) {
                System.arraycopy(random.mask(size, epoch, indices[b]), 0, m, b * plane, plane);
            }
            return manager.create(m, new Shape(indices.length, 1, size, size));
        };
    }

    /** Uses {@code next} from now on (the inpainter's rounds switch from random to coach masks). */
    public void useMasks(Masks next) {
        this.masks = next;
    }

    public int imageSize() {
        return size;
    }

    /** The first channel's grey levels in [0, 1]. */
    private static float[] grey(float[] input, ModelSpec spec, int plane) {
        float[] grey = NetworkInput.greyOfFirstChannel(input, plane, spec.mean(), spec.std());
        for (int p = 0; p < plane; p++) {
            grey[p] = Math.max(0, Math.min(1, grey[p] / 255));
        }
        return grey;
    }

    @Override
    public int size() {
        return images.size();
    }

    /** The slices masked as in {@code epoch}. */
    @Override
    public TrainingSet forEpoch(int epoch) {
        return new TrainingSet() {
            @Override
            public int size() {
                return images.size();
            }

            @Override
            public Batch load(NDManager manager, int[] indices) {
                return InpaintingSet.this.load(manager, indices, epoch);
            }
        };
    }

    /** The slices masked as in epoch 0. */
    @Override
    public Batch load(NDManager manager, int[] indices) {
        return load(manager, indices, 0);
    }

    private Batch load(NDManager manager, int[] indices, int epoch) {
        int plane = size * size;
        float[] x = new float[indices.length * channels * plane];
        float[] e = new float[indices.length * plane];
        for (int b = 0; b < indices.length; b++) {
            System.arraycopy(images.get(indices[b]), 0, x, b * channels * plane, channels * plane);
            System.arraycopy(edges.get(indices[b]), 0, e, b * plane, plane);
        }
        NDArray imageArray = manager.create(x, new Shape(indices.length, channels, size, size));
        return new Batch(imageArray, masks.of(manager, imageArray, epoch, indices),
                manager.create(e, new Shape(indices.length, 1, size, size)));
    }
}
