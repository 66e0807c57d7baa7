package org.covseg.train;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The order in which an epoch visits the training slices: a shuffle drawn from a generator seeded by the run's seed
 * and the epoch number alone, so the generator's whole state is (seed, epoch) — both checkpointed — and a resumed
 * run visits the slices in the same order as an uninterrupted one.
 */
public final class EpochOrder {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private EpochOrder() {
    }

    static int[] shuffled(int size, long seed, int epoch) {
        return permutation(size, new SplittableRandom(seed ^ (epoch * GOLDEN)));
    }

    /** A uniformly random permutation of 0..size−1 (Fisher–Yates). */
    public static int[] permutation(int size, RandomGenerator random) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
