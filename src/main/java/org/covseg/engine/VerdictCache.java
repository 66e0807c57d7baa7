package org.covseg.engine;

import ai.djl.util.Utils;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Self-check verdicts on disk, one JSON file per key, beside the engine's natives ({@code covseg-numerics/} in DJL's
 * cache folder; the system property {@code covseg.numerics.cache} names another folder). The key hashes everything
 * the verdict depends on: the CPU, the engine and the environment variables that change oneDNN's kernels. A file
 * that cannot be read is ignored (the check runs again); writes are atomic. Processes that need a verdict not yet
 * made take turns on a lock file, so that the first one's verdict is everyone's.
 */
final class VerdictCache {

    /** Raised whenever the battery or the decision changes, so that older verdicts are not reused. */
    private static final int CHECK_VERSION = 3;
    private static final String[] ENVIRONMENT = {"ONEDNN_MAX_CPU_ISA", "DNNL_MAX_CPU_ISA", "ONEDNN_DEFAULT_FPMATH_MODE",
        "ONEDNN_JIT_PROFILE", FaultInjection.VARIABLE};

    private final Path folder;

    VerdictCache(Path folder) {
        this.folder = folder;
    }

    static VerdictCache standard() {
        String folder = System.getProperty("covseg.numerics.cache");
        return new VerdictCache(folder != null ? Path.of(folder) : Utils.getCacheDir().resolve("covseg-numerics"));
    }

    static String key(CpuSignature cpu, String engine) {
        StringBuilder text = new StringBuilder("check " + CHECK_VERSION + "\ncpu " + cpu.model() + "\nflags "
                + String.join(" ", cpu.flags()) + "\nengine " + engine + "\n");
        for (String variable : ENVIRONMENT) {
            text.append(variable).append('=').append(System.getenv(variable)).append('\n');
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The cached verdict, or the one {@code make} returns, written for the others. Processes started together on a
     * new machine (an experiment's folds, say) wait for the first one's verdict instead of each probing the modes
     * under the others' load, which timed the two right modes differently and gave the processes different modes.
     * Without a lock file (a folder that cannot be written) the process makes its own. {@code beforeWaiting} runs
     * when another process holds the turn.
     */
    NumericsVerdict readOrMake(String key, Runnable beforeWaiting, Supplier<NumericsVerdict> make) {
        try (Turn turn = Turn.take(folder.resolve("verdict-" + key + ".lock"), beforeWaiting)) {
            return read(key).orElseGet(() -> {
                NumericsVerdict verdict = make.get();
                write(verdict);
                return verdict;
            });
        }
    }

    Optional<NumericsVerdict> read(String key) {
        Path file = file(key);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            NumericsVerdict verdict = new ObjectMapper().readValue(file.toFile(), NumericsVerdict.class);
            return key.equals(verdict.key()) ? Optional.of(verdict) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    void write(NumericsVerdict verdict) {
        Path file = file(verdict.key());
        try {
            Files.createDirectories(folder);
            Path temporary = Files.createTempFile(folder, verdict.key(), ".tmp");
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(temporary.toFile(), verdict);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // a cache that cannot be written only means the check runs again next time
        }
    }

    Path file(String key) {
        return folder.resolve("verdict-" + key + ".json");
    }

    /** This process's turn on a lock file (held until the channel closes), or no lock when it cannot be had. */
    private record Turn(FileChannel channel) implements AutoCloseable {

        static Turn take(Path file, Runnable beforeWaiting) {
            try {
                Files.createDirectories(file.getParent());
                FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                try {
                    if (channel.tryLock() == null) {
                        beforeWaiting.run();
                        channel.lock();
                    }
                    return new Turn(channel);
                } catch (IOException e) {
                    channel.close();
                    throw e;
                }
            } catch (IOException e) {
                return new Turn(null);
            }
        }

        @Override
        public void close() {
            try {
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException e) {
                // closing releases the lock; a failure there leaves nothing to undo
            }
        }
    }
}
