package org.covseg.train;

import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import org.covseg.Progress;

/** The progress bar of one epoch on stderr: optimiser steps, the epoch's mean loss so far, elapsed time and ETA. */
final class EpochProgress implements AutoCloseable {

    private final ProgressBar bar;

    private EpochProgress(ProgressBar bar) {
        this.bar = bar;
    }

    /** A bar starting at {@code done} of {@code steps}; a no-op bar if {@code show} is false. */
    static EpochProgress start(boolean show, int epoch, int epochs, int steps, int done, double secondsSoFar) {
        if (!show) {
            return new EpochProgress(null);
        }
        return new EpochProgress(Progress.onStderr(String.format(Locale.ROOT, "epoch %d/%d", epoch, epochs))
                .setInitialMax(steps)
                .startsFrom(done, Duration.ofMillis((long) (secondsSoFar * 1000)))
                .setUpdateIntervalMillis(1000)
                .build());
    }

    void step(double meanLoss) {
        if (bar != null) {
            bar.setExtraMessage(String.format(Locale.ROOT, " loss %.4f", meanLoss));
            bar.step();
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
