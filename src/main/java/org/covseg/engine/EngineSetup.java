package org.covseg.engine;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Thread count and random seed of the DJL PyTorch engine, for training and inference runs.
 *
 * <p>Threads: DJL's PyTorch engine reads the system property {@code ai.djl.pytorch.num_threads} (and
 * {@code ai.djl.pytorch.num_interop_threads}) once, when it starts, and passes it to {@code torch.set_num_threads};
 * without it PyTorch uses one thread per physical core (or {@code OMP_NUM_THREADS} if set). The intra-op count can
 * also be changed later through {@code JniUtils.setNumThreads}, which PyTorch allows at any time (the inter-op count
 * cannot be changed once used; eager training does not use it). JniUtils may only be called once the engine is
 * loaded. On a machine shared with other work, fewer threads than cores avoids OpenMP's oversubscription slowdown.
 */
public final class EngineSetup {

    static final String THREADS_PROPERTY = "ai.djl.pytorch.num_threads";

    private EngineSetup() {
    }

    /** Uses {@code threads} intra-op threads from now on (before or after the engine has started). */
    public static void threads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("at least one thread is needed, got " + threads);
        }
        System.setProperty(THREADS_PROPERTY, Integer.toString(threads));
        Numerics.ensure();
        if (JniUtils.getNumThreads() != threads) {
            JniUtils.setNumThreads(threads);
        }
    }

    /** The engine's current intra-op thread count. */
    public static int threads() {
        Numerics.ensure();
        return JniUtils.getNumThreads();
    }

    /** Seeds the engine's generator (parameter initialisation, dropout); shuffling has its own seed. */
    public static void seed(int seed) {
        Numerics.ensure();
        Engine.getInstance().setRandomSeed(seed);
    }
}
