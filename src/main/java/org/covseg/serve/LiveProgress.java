package org.covseg.serve;

import java.util.concurrent.CancellationException;
import org.covseg.analysis.StudyProgress;

/**
 * A running job's progress, kept in memory only (the database keeps states, not every batch), and its cancel switch:
 * once cancelled, the next progress call stops the analysis.
 */
final class LiveProgress implements StudyProgress {

    /** How often progress reaches listeners at most. */
    private static final long NOTIFY_EVERY_NANOS = 250_000_000L;

    private final Runnable changed;
    private volatile Stage stage;
    private volatile int total;
    private volatile int done;
    private volatile boolean cancelled;
    private long lastNotified;

    LiveProgress(Runnable changed) {
        this.changed = changed;
    }

    Stage stage() {
        return stage;
    }

    int total() {
        return total;
    }

    int done() {
        return done;
    }

    void cancel() {
        cancelled = true;
    }

    @Override
    public void stage(Stage s) {
        stopIfCancelled();
        stage = s;
        changed.run();
    }

    @Override
    public void slices(int n) {
        stopIfCancelled();
        total = n;
    }

    @Override
    public synchronized void slicesDone(int n) {
        stopIfCancelled();
        done += n;
        long now = System.nanoTime();
        if (now - lastNotified > NOTIFY_EVERY_NANOS || done >= total) {
            lastNotified = now;
            changed.run();
        }
    }

    private void stopIfCancelled() {
        if (cancelled) {
            throw new CancellationException("job deleted");
        }
    }
}
