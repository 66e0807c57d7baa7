package org.covseg.train;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A request to stop training at the end of the current optimiser step (after which the trainer saves a checkpoint).
 * {@link #stopOnShutdown} turns Ctrl-C / SIGTERM into such a request.
 */
public final class StopSignal {

    /** Removes the shutdown hook again; closing it also releases a hook that is waiting for training to stop. */
    public interface Guard extends AutoCloseable {
        @Override
        void close();
    }

    private final AtomicBoolean requested = new AtomicBoolean();

    public void request() {
        requested.set(true);
    }

    public boolean isRequested() {
        return requested.get();
    }

    /**
     * Until the returned guard is closed, a JVM shutdown (Ctrl-C, SIGTERM) requests a stop and then holds the JVM
     * open until the guard is closed — that is, until training has saved its checkpoint and returned — or until
     * {@code patience} has passed. Use it as try-with-resources around {@link Trainer#fit}.
     */
    public Guard stopOnShutdown(Duration patience) {
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            request();
            System.err.println("covseg: stopping after the current training step and saving a checkpoint...");
            try {
                finished.await(patience.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "covseg-stop-training");
        Runtime.getRuntime().addShutdownHook(hook);
        return () -> {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running and has just been released
            }
        };
    }
}
