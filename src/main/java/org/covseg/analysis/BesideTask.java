package org.covseg.analysis;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A task run on a thread of its own while the caller does other work, and always waited for before the caller goes
 * on: closing waits for it, so a caller that fails never leaves it running on what the caller releases next (a
 * staging folder, the models). Use it in try-with-resources; a failure of the task that {@link #result} did not
 * report is thrown by {@link #close}, or added to the caller's own failure as a suppressed one.
 */
final class BesideTask<T> implements AutoCloseable {

    private final ExecutorService thread;
    private final Future<T> task;
    private boolean reported;

    private BesideTask(String threadName, Callable<T> work) {
        thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        task = thread.submit(work);
        thread.shutdown();
    }

    static <T> BesideTask<T> start(String threadName, Callable<T> work) {
        return new BesideTask<>(threadName, work);
    }

    /** What the task returned, once it has ended, or what it threw, as it threw it. */
    T result() {
        reported = true;
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    // the task cannot be stopped halfway (a network's forward pass), so it is waited for anyway
                    interrupted = true;
                } catch (ExecutionException e) {
                    throw rethrown(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        if (!reported) {
            result();
        }
    }

    private static RuntimeException rethrown(Throwable cause) {
        if (cause instanceof RuntimeException r) {
            return r;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(cause);
    }
}
