package org.covseg.serve;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Locale;
import org.covseg.CovsegException;

/**
 * The data folder's {@value #FILE}, readable by the server's user only: one line per request, saying when, from
 * which address, the method and path (never the query string, which may carry the token), the status, the time
 * taken and, for an upload, the job it made. A hospital team can tell from it who sent which study.
 */
final class AccessLog implements AutoCloseable {

    static final String FILE = "access.log";

    private final Writer out;

    AccessLog(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the folder's own protection applies
            }
        } catch (IOException e) {
            throw new CovsegException("cannot open the access log " + file + ": " + e.getMessage(), e);
        }
    }

    synchronized void record(Context ctx, float millis) {
        String job = ctx.res().getHeader("Location");
        try {
            out.write(String.format(Locale.ROOT, "%s %s %s %s %d %.0f ms%s%n", Instant.now(), ctx.ip(), ctx.method(),
                    ctx.path(), ctx.statusCode(), millis, job == null ? "" : " -> " + job));
            out.flush();
        } catch (IOException e) {
            throw new CovsegException("cannot write the access log: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new CovsegException("cannot close the access log: " + e.getMessage(), e);
        }
    }
}
