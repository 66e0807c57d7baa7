package org.covseg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.covseg.train.MetricsRows;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code covseg train} killed with SIGKILL (no shutdown hook, no checkpoint on the way out), or stopped with SIGTERM
 * (what {@code kill <pid>} sends a run in the background, where the shell hides Ctrl-C from it), and then resumed: the
 * run loses at most the epoch it was in, and ends with the same weights and the same per-epoch losses as a run that
 * was never interrupted (the run is deterministic: one thread, one seed).
 */
class TrainingKillTest {

    private static final int EPOCHS = 8;

    @TempDir
    static Path dir;
    static Path data;
    static Path straight;

    @BeforeAll
    static void trainWithoutInterruption() throws Exception {
        data = TinyDataset.write(dir.resolve("data"), 8);
        straight = dir.resolve("straight");
        assertThat(train(data, straight).waitFor(5, TimeUnit.MINUTES)).isTrue();
    }

    @Test
    void aKilledRunResumesToTheWeightsOfAnUninterruptedOne() throws Exception {
        Path killed = dir.resolve("killed");
        Process running = train(data, killed);
        int epochsWhenKilled = 0;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (running.isAlive() && epochsWhenKilled < 3 && System.nanoTime() < deadline) {
            Thread.sleep(20);
            epochsWhenKilled = epochsIn(killed);
        }
        assertThat(running.isAlive()).as("still training after %d epochs", epochsWhenKilled).isTrue();
        running.destroyForcibly().waitFor(1, TimeUnit.MINUTES);
        assertThat(running.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        int kept = epochsIn(killed);
        assertThat(kept).as("epochs on record after the kill").isGreaterThanOrEqualTo(epochsWhenKilled);
        assertThat(Files.exists(killed.resolve("model/weights.safetensors"))).isFalse();
        // the epochs before the last on record come from the checkpoint, timings included: a resume, not a restart
        List<String> finishedBeforeTheKill = Files.readAllLines(killed.resolve("metrics.csv")).subList(0, kept);

        Process resumed = train(data, killed, "--resume");
        assertThat(resumed.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(resumed.exitValue()).as(Files.readString(dir.resolve("killed.err"))).isZero();

        assertThat(Files.readAllLines(killed.resolve("metrics.csv"))).startsWith(finishedBeforeTheKill
                .toArray(String[]::new));
        assertThat(Files.readAllBytes(killed.resolve("model/weights.safetensors")))
                .isEqualTo(Files.readAllBytes(straight.resolve("model/weights.safetensors")));
        assertThat(MetricsRows.withoutTimings(killed)).hasSize(EPOCHS + 1)
                .isEqualTo(MetricsRows.withoutTimings(straight));
    }

    @Test
    void aRunStoppedWithSigtermSavesWhereItStoppedAndResumesToTheSameWeights() throws Exception {
        Path stopped = dir.resolve("stopped");
        Process running = train(data, stopped);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (running.isAlive() && epochsIn(stopped) < 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(running.isAlive()).as("still training").isTrue();
        running.destroy();
        assertThat(running.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(Files.readString(dir.resolve("stopped.err"))).contains("covseg: stopping after the current"
                + " training step and saving a checkpoint");
        assertThat(stopped.resolve("checkpoint/last")).isDirectory();
        assertThat(stopped.resolve("model/weights.safetensors")).doesNotExist();

        Process resumed = train(data, stopped, "--resume");
        assertThat(resumed.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(resumed.exitValue()).as(Files.readString(dir.resolve("stopped.err"))).isZero();
        assertThat(Files.readAllBytes(stopped.resolve("model/weights.safetensors")))
                .isEqualTo(Files.readAllBytes(straight.resolve("model/weights.safetensors")));
        assertThat(MetricsRows.withoutTimings(stopped)).isEqualTo(MetricsRows.withoutTimings(straight));
    }

    /** Starts {@code covseg train} in its own JVM, output to {@code <run>.out} and {@code <run>.err}. */
    private static Process train(Path data, Path run, String... extra) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx2g", "-Djava.awt.headless=true", "-Dai.djl.offline=true", "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "train", "--arch", "unet", "--data",
                data.toString(), "--out", run.toString(), "--width", "0.1", "--size", "64", "--scales", "1",
                "--batch-size", "2", "--epochs", Integer.toString(EPOCHS), "--val-fraction", "0.25", "--threads", "1",
                "--seed", "3"));
        command.addAll(List.of(extra));
        return new ProcessBuilder(command)
                .redirectOutput(dir.resolve(run.getFileName() + ".out").toFile())
                .redirectError(dir.resolve(run.getFileName() + ".err").toFile())
                .start();
    }

    /** Epochs recorded in the run's metrics.csv (0 before the first). */
    private static int epochsIn(Path run) throws IOException {
        Path metrics = run.resolve("metrics.csv");
        if (!Files.exists(metrics)) {
            return 0;
        }
        return Math.max(0, Files.readAllLines(metrics).size() - 1);
    }
}
