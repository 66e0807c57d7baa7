package org.covseg.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.covseg.CovsegException;
import org.covseg.analysis.AnalysisOptions;

/**
 * The jobs, in an embedded SQLite database in the data folder. The SQL is plain (one table, standard types), so
 * another database could take its place. Every change is committed before the call returns, so a killed server
 * loses no state change it reported.
 */
final class JobStore implements AutoCloseable {

    static final String FILE = "covseg-serve.db";
    private static final String COLUMNS = "id, name, state, options, masks, input, created_ms, started_ms,"
            + " finished_ms, error, headline";

    private final Connection db;
    private final ObjectMapper json = new ObjectMapper();

    private JobStore(Connection db) {
        this.db = db;
    }

    static JobStore open(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("PRAGMA busy_timeout=10000");
                s.execute("CREATE TABLE IF NOT EXISTS jobs (id VARCHAR(26) PRIMARY KEY, name VARCHAR(255) NOT NULL,"
                        + " state VARCHAR(16) NOT NULL, options VARCHAR(4000) NOT NULL, masks VARCHAR(4000) NOT NULL,"
                        + " input VARCHAR(1000) NOT NULL,"
                        + " created_ms BIGINT NOT NULL, started_ms BIGINT, finished_ms BIGINT, error VARCHAR(4000),"
                        + " headline VARCHAR(1000))");
            }
            return new JobStore(db);
        } catch (SQLException e) {
            throw new CovsegException("cannot open the job database " + file + ": " + e.getMessage(), e);
        }
    }

    synchronized void insert(StoredJob job) {
        update("INSERT INTO jobs (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", job.id(), job.name(),
                job.state().wire(), text(job.options()), text(job.masks()), job.input(), millis(job.created()),
                millis(job.started()),
                millis(job.finished()), job.error(), job.headline());
    }

    synchronized Optional<StoredJob> get(String id) {
        List<StoredJob> found = query("SELECT " + COLUMNS + " FROM jobs WHERE id = ?", id);
        return found.stream().findFirst();
    }

    /** All jobs, newest first. */
    synchronized List<StoredJob> all() {
        return query("SELECT " + COLUMNS + " FROM jobs ORDER BY created_ms DESC, id");
    }

    /** The jobs in {@code state}, oldest first (the order they are run in). */
    synchronized List<StoredJob> inState(JobState state) {
        return query("SELECT " + COLUMNS + " FROM jobs WHERE state = ? ORDER BY created_ms, id", state.wire());
    }

    /** Marks a queued job running; false when it is no longer queued (deleted meanwhile). */
    synchronized boolean start(String id, Instant when) {
        return update("UPDATE jobs SET state = ?, started_ms = ? WHERE id = ? AND state = ?", JobState.RUNNING.wire(),
                millis(when), id, JobState.QUEUED.wire()) == 1;
    }

    synchronized void finish(String id, Instant when, String headline) {
        update("UPDATE jobs SET state = ?, finished_ms = ?, headline = ? WHERE id = ?", JobState.DONE.wire(),
                millis(when), headline, id);
    }

    synchronized void fail(String id, Instant when, String error) {
        update("UPDATE jobs SET state = ?, finished_ms = ?, error = ? WHERE id = ?", JobState.FAILED.wire(),
                millis(when), error, id);
    }

    /** Puts jobs a stopped server left running back in the queue; returns how many. */
    synchronized int requeueRunning() {
        return update("UPDATE jobs SET state = ?, started_ms = NULL WHERE state = ?", JobState.QUEUED.wire(),
                JobState.RUNNING.wire());
    }

    /** Deletes the job's row; false when there was none. */
    synchronized boolean delete(String id) {
        return update("DELETE FROM jobs WHERE id = ?", id) == 1;
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw new CovsegException("cannot close the job database: " + e.getMessage(), e);
        }
    }

    private int update(String sql, Object... values) {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            bind(s, values);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new CovsegException("job database: " + e.getMessage(), e);
        }
    }

    private List<StoredJob> query(String sql, Object... values) {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            bind(s, values);
            List<StoredJob> jobs = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    jobs.add(new StoredJob(r.getString(1), r.getString(2), JobState.ofWire(r.getString(3)),
                            read(r.getString(4), AnalysisOptions.class), read(r.getString(5), JobMasks.class),
                            r.getString(6), instant(r, 7), instant(r, 8), instant(r, 9), r.getString(10),
                            r.getString(11)));
                }
            }
            return jobs;
        } catch (SQLException e) {
            throw new CovsegException("job database: " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement s, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v == null) {
                s.setNull(i + 1, Types.VARCHAR);
            } else if (v instanceof Long l) {
                s.setLong(i + 1, l);
            } else {
                s.setString(i + 1, v.toString());
            }
        }
    }

    private static Long millis(Instant t) {
        return t == null ? null : t.toEpochMilli();
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        long ms = r.getLong(column);
        return r.wasNull() ? null : Instant.ofEpochMilli(ms);
    }

    private String text(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String s, Class<T> type) {
        try {
            return json.readValue(s, type);
        } catch (JsonProcessingException e) {
            throw new CovsegException("job database holds an unreadable " + type.getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }
}
