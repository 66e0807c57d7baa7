package org.covseg;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** The progress bars of long work: ASCII, on stderr, so that stdout stays the results a user may pipe. */
public final class Progress {

    private Progress() {
    }

    /** A bar builder named {@code task}, to be given its size and unit. */
    public static ProgressBarBuilder onStderr(String task) {
        return new ProgressBarBuilder().setTaskName(task).setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(System.err));
    }
}
