package org.covseg.serve;

import java.util.Locale;

/** Where a job is: waiting, being analysed, or finished one way or the other. */
public enum JobState {
    QUEUED, RUNNING, DONE, FAILED;

    /** The state as the API and the database spell it. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static JobState ofWire(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }

    public boolean isFinal() {
        return this == DONE || this == FAILED;
    }
}
