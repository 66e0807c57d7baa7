package org.covseg.serve;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.covseg.CovsegException;
import org.covseg.analysis.AnalysisJob;
import org.covseg.analysis.StudyAnalyses;
import org.covseg.io.FileNames;
import org.covseg.io.NiftiDatatype;
import org.covseg.io.NiftiWriter;

/**
 * Runs queued jobs on a fixed number of workers, oldest first. Admission is bounded: at most {@code workers} jobs
 * run and {@code queueCapacity} wait; {@link #admit()} refuses beyond that, before an upload is even read. A job is
 * marked done only once all its files are in place, so a job a killed server left running is simply run again.
 */
final class JobRunner implements AutoCloseable {

    /** The viewer's CT when the upload was not a NIfTI file (a DICOM series, say). */
    static final String VIEWER_CT = "ct.nii.gz";

    private final JobStore store;
    private final JobFolders folders;
    private final StudyAnalyses analyses;
    private final Consumer<String> changed;
    private final PrintStream log;
    private final ExecutorService workers;
    private final int capacity;
    private final AtomicInteger admitted = new AtomicInteger();
    private final Map<String, LiveProgress> live = new ConcurrentHashMap<>();

    /**
     * @param changed hears the id of each job whose state or progress changed
     * @param log     where internal errors are written in full (the job itself gets one line)
     */
    JobRunner(JobStore store, JobFolders folders, StudyAnalyses analyses, int workers, int queueCapacity,
            Consumer<String> changed, PrintStream log) {
        this.store = store;
        this.folders = folders;
        this.analyses = analyses;
        this.changed = changed;
        this.log = log;
        this.capacity = workers + queueCapacity;
        this.workers = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "covseg-job");
            t.setDaemon(true);
            return t;
        });
    }

    /** Reserves a place for one more job; false when the queue is full. Give it back with {@link #release()}. */
    boolean admit() {
        while (true) {
            int n = admitted.get();
            if (n >= capacity) {
                return false;
            }
            if (admitted.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    /** Gives back a place {@link #admit()} reserved for an upload that was then refused. */
    void release() {
        admitted.decrementAndGet();
    }

    /** Queues a job already admitted (or, at start, one found queued). */
    void submit(String id) {
        workers.execute(() -> run(id));
    }

    /** Queues, at start, a job found queued in the database: it takes a place beyond the usual bound if need be. */
    void resume(String id) {
        admitted.incrementAndGet();
        submit(id);
    }

    /** The progress of a running job, or null. */
    LiveProgress progress(String id) {
        return live.get(id);
    }

    /** Stops a running job at its next batch (its row is already gone); nothing when it is not running. */
    void cancel(String id) {
        LiveProgress p = live.get(id);
        if (p != null) {
            p.cancel();
        }
    }

    private void run(String id) {
        try {
            if (!store.start(id, Instant.now())) {
                return;
            }
            LiveProgress progress = new LiveProgress(() -> changed.accept(id));
            live.put(id, progress);
            changed.accept(id);
            try {
                StoredJob job = store.get(id).orElseThrow(CancellationException::new);
                analyse(job, progress);
            } catch (CancellationException e) {
                // deleted while running: its row is gone, its files go below
            } catch (CovsegException e) {
                store.fail(id, Instant.now(), e.getMessage().replace(folders.job(id) + "/", ""));
            } catch (OutOfMemoryError e) {
                store.fail(id, Instant.now(), "not enough memory for this study; start the server with more"
                        + " (COVSEG_JAVA_OPTS=-Xmx...)");
            } catch (RuntimeException e) {
                log.println("covseg serve: job " + id + " failed with an internal error:");
                e.printStackTrace(log);
                store.fail(id, Instant.now(), "internal error (a bug in covseg; the server's log has the trace): "
                        + e);
            } finally {
                live.remove(id);
            }
            if (store.get(id).isEmpty()) {
                folders.deleteJob(id);
            }
            changed.accept(id);
        } finally {
            admitted.decrementAndGet();
        }
    }

    private void analyse(StoredJob job, LiveProgress progress) {
        Path dir = folders.job(job.id());
        folders.clearOutputs(job.id());
        AnalysisJob.Written written = analyses.analyse(dir.resolve(job.input()), job.options(), job.masks().in(dir),
                dir.resolve(JobFolders.RESULT), progress);
        if (written.scan().isVolume() && !FileNames.isNifti(job.input())) {
            NiftiWriter.write(written.scan().volume(), dir.resolve(JobFolders.VIEWER).resolve(VIEWER_CT),
                    NiftiDatatype.INT16);
        }
        store.finish(job.id(), Instant.now(), AnalysisJob.headline(written.report()));
    }

    @Override
    public void close() {
        workers.shutdownNow();
        try {
            workers.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
