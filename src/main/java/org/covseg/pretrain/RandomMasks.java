package org.covseg.pretrain;

import java.util.Arrays;
import java.util.Random;
import org.covseg.nn.Coach;
import org.covseg.train.EpochOrder;

/**
 * Keep-masks drawn at random (1 = pixel kept, 0 = erased), reproducible from (seed, epoch, slice index) so that a
 * resumed run erases exactly what an uninterrupted one would.
 * <ul>
 *   <li>{@link MaskMode#RANDOM}: the slice is divided into {@value Coach#CELL}-pixel cells and a uniformly random
 *       {@code floor(cells·keepFraction)} of them is kept — the coach's rule with random scores.</li>
 *   <li>{@link MaskMode#CUTOUT}: one rectangle of {@code (1 − keepFraction)} of the area, aspect ratio between 1:2
 *       and 2:1, at a random position, is erased.</li>
 * </ul>
 */
public final class RandomMasks {

    private final MaskMode mode;
    private final double keepFraction;
    private final long seed;

    public RandomMasks(MaskMode mode, double keepFraction, long seed) {
        if (mode == MaskMode.COACH) {
            throw new IllegalArgumentException("coach masks are not random");
        }
        this.mode = mode;
        this.keepFraction = keepFraction;
        this.seed = seed;
    }

    /** The keep-mask of one {@code size x size} slice, row-major. */
    public float[] mask(int size, int epoch, int index) {
        Random random = new Random(seed * 1_000_003L + epoch * 65_537L + index);
        return mode == MaskMode.RANDOM ? cells(size, random) : cutout(size, random);
    }

    private float[] cells(int size, Random random) {
        int side = size / Coach.CELL;
        int cells = side * side;
        int kept = (int) Math.floor(cells * keepFraction);
        int[] order = EpochOrder.permutation(cells, random);
        boolean[] keep = new boolean[cells];
        for (int i = 0; i < kept; i++) {
            keep[order[i]] = true;
        }
        float[] mask = new float[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int cell = (y / Coach.CELL) * side + x / Coach.CELL;
                mask[y * size + x] = keep[cell] ? 1 : 0;
            }
        }
        return mask;
    }

    private float[] cutout(int size, Random random) {
        double area = (1 - keepFraction) * size * size;
        double aspect = Math.exp((random.nextDouble() * 2 - 1) * Math.log(2));
        int w = clamp((int) Math.round(Math.sqrt(area * aspect)), size);
        int h = clamp((int) Math.round(area / w), size);
        int left = random.nextInt(size - w + 1);
        int top = random.nextInt(size - h + 1);
        float[] mask = new float[size * size];
        Arrays.fill(mask, 1);
        for (int y = top; y < top + h; y++) {
            Arrays.fill(mask, y * size + left, y * size + left + w, 0);
        }
        return mask;
    }

    private static int clamp(int value, int size) {
        return Math.max(1, Math.min(size, value));
    }
}
