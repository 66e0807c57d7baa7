package org.covseg.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.IntFunction;
import org.covseg.CovsegException;

/**
 * Float voxels kept in a temporary file instead of memory, read back a range at a time: a probability volume that is
 * only read slice by slice later (563 MB for 537 slices of 512²) need not stay in the Java heap. The file is removed
 * from its folder as soon as it is written (it lives on while open), and closed once nothing refers to it.
 */
final class SpilledFloats {

    private static final Cleaner CLEANER = Cleaner.create();
    private static final int CHUNK_BYTES = 1 << 20;

    private final FileChannel channel;
    private final long count;
    private final Cleaner.Cleanable closer;

    private SpilledFloats(FileChannel channel, long count) {
        this.channel = channel;
        this.count = count;
        this.closer = CLEANER.register(this, new Closer(channel));
    }

    /**
     * Writes {@code planes} planes of {@code plane} values each, plane k being {@code planeK.apply(k)}, into a new
     * temporary file in {@code dir}; a plane may be dropped once given.
     */
    static SpilledFloats ofPlanes(int planes, int plane, IntFunction<float[]> planeK, Path dir) {
        FileChannel channel = null;
        try {
            Path file = Files.createTempFile(dir, ".covseg-spill-", ".tmp");
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.DELETE_ON_CLOSE);
            // Where the file system allows it, the name goes now; DELETE_ON_CLOSE covers those that do not.
            Files.deleteIfExists(file);
            ByteBuffer buf = ByteBuffer.allocate(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            int perChunk = CHUNK_BYTES / Float.BYTES;
            for (int k = 0; k < planes; k++) {
                float[] values = planeK.apply(k);
                if (values.length != plane) {
                    throw new IllegalArgumentException("plane " + k + " holds " + values.length + " values, not "
                            + plane);
                }
                for (int done = 0; done < plane; done += perChunk) {
                    int n = Math.min(perChunk, plane - done);
                    buf.clear();
                    buf.asFloatBuffer().put(values, done, n);
                    buf.limit(n * Float.BYTES);
                    while (buf.hasRemaining()) {
                        channel.write(buf);
                    }
                }
            }
            return new SpilledFloats(channel, (long) planes * plane);
        } catch (IOException e) {
            closeQuietly(channel);
            throw cannotKeepIn(dir, e);
        }
    }

    /** Fails as {@link #ofPlanes} would when {@code dir} cannot take a temporary file. */
    static void requireFolder(Path dir) {
        try {
            Files.delete(Files.createTempFile(dir, ".covseg-spill-", ".tmp"));
        } catch (IOException e) {
            throw cannotKeepIn(dir, e);
        }
    }

    private static CovsegException cannotKeepIn(Path dir, IOException e) {
        return new CovsegException("cannot keep a volume in a temporary file in " + dir + ": " + e.getMessage()
                + " (choose another folder: COVSEG_JAVA_OPTS=\"-Xmx8g -Djava.io.tmpdir=<folder>\")", e);
    }

    long count() {
        return count;
    }

    /** Closes the file now, which removes it, instead of once nothing refers to it; it cannot be read afterwards. */
    void close() {
        closer.clean();
    }

    /**
     * Reads values {@code from .. from + out.length - 1} into {@code out}.
     *
     * @throws IllegalStateException after {@link #close}
     */
    void read(long from, float[] out) {
        if (from < 0 || from + out.length > count) {
            throw new IndexOutOfBoundsException("values " + from + ".." + (from + out.length) + " of " + count);
        }
        if (!channel.isOpen()) {
            throw new IllegalStateException("the volume's temporary file was closed");
        }
        ByteBuffer buf = ByteBuffer.allocate(Math.min(CHUNK_BYTES, out.length * Float.BYTES))
                .order(ByteOrder.LITTLE_ENDIAN);
        int perChunk = buf.capacity() / Float.BYTES;
        try {
            for (int done = 0; done < out.length; done += perChunk) {
                int n = Math.min(perChunk, out.length - done);
                buf.clear().limit(n * Float.BYTES);
                long position = (from + done) * Float.BYTES;
                while (buf.hasRemaining()) {
                    if (channel.read(buf, position + buf.position()) < 0) {
                        throw new IOException("the temporary file ended early");
                    }
                }
                buf.flip();
                buf.asFloatBuffer().get(out, done, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a volume back from its temporary file", e);
        }
    }

    float get(long p) {
        float[] one = new float[1];
        read(p, one);
        return one[0];
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing was handed out yet; the file goes with the process at the latest
            }
        }
    }

    /** Closes the file, which removes it; must not refer to the {@link SpilledFloats} it cleans up after. */
    private record Closer(FileChannel channel) implements Runnable {
        @Override
        public void run() {
            closeQuietly(channel);
        }
    }
}
