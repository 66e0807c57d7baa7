package org.covseg;

/**
 * A problem with what the user gave us (a path, a file, an option) rather than a bug in covseg.
 * The CLI prints its message as one line on stderr and exits non-zero, without a stack trace,
 * so the message must say what was wrong and, where possible, what to do about it.
 */
public class CovsegException extends RuntimeException {

    public CovsegException(String message) {
        super(message);
    }

    public CovsegException(String message, Throwable cause) {
        super(message, cause);
    }
}
