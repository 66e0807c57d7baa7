package org.covseg.train;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * Hands freed native memory back to the operating system. Measured here (DJL 0.36 / PyTorch 2.7.1, glibc): a
 * training loop whose live native memory stays constant still grows its resident size by about half of each step's
 * tensor allocations (0.8 MB per step for a tiny net on 4×64² batches, to 4 GB after 5,000 steps), with or without
 * the MALLOC_* settings of the launcher: glibc keeps the freed tensor buffers in a fragmented heap. Calling
 * {@code malloc_trim(0)} after every step keeps it flat, but costs time: the next step touches its memory afresh, and
 * the shipped COVID-SegNet recipe's step (batch 4, 128 px, 1 thread, this session's AMD EPYC) took 2.0–2.3 s instead of
 * 1.1 s. Trimming after every {@value #STEPS_PER_TRIM}th step keeps the growth to that many steps' worth and the cost
 * to one slow step in {@value #STEPS_PER_TRIM}. DJL also copies every array it creates from Java data, and every
 * value it reads back, through direct byte buffers whose memory is only freed when the garbage collector runs.
 */
final class NativeMemory {

    static final int STEPS_PER_TRIM = 16;

    private static int stepsSinceTrim;

    private interface CLibrary extends Library {
        int malloc_trim(long pad);
    }

    private static final CLibrary LIBC = load();

    private NativeMemory() {
    }

    /** glibc's malloc_trim(0): releases free heap pages; a no-op where glibc is not available. */
    static void trim() {
        if (LIBC != null) {
            LIBC.malloc_trim(0);
        }
    }

    /** Called after each training step: {@link #trim} after every {@value #STEPS_PER_TRIM}th. */
    static synchronized void afterStep() {
        if (++stepsSinceTrim >= STEPS_PER_TRIM) {
            stepsSinceTrim = 0;
            trim();
        }
    }

    /** A garbage collection (freeing the native memory of dead direct buffers), then {@link #trim}. */
    static void release() {
        System.gc();
        trim();
    }

    private static CLibrary load() {
        try {
            CLibrary libc = Native.load("c", CLibrary.class);
            libc.malloc_trim(0);
            return libc;
        } catch (LinkageError notGlibc) {
            return null;
        }
    }
}
