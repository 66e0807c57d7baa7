package org.covseg.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.UploadedFile;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.covseg.CovsegException;
import org.covseg.analysis.AnalysisOptions;
import org.covseg.analysis.StudyAnalyses;
import org.covseg.engine.Numerics;

/**
 * {@code covseg serve}: the REST API (see openapi.yaml), its progress events and the web UI, in one process. Jobs
 * live in the data folder and its database, so a restart, even after {@code kill -9}, keeps finished jobs and runs
 * again those it was running.
 */
public final class CovsegServer implements AutoCloseable {

    private static final String API = "/api/v1";
    private static final String OPENAPI = "/org/covseg/serve/openapi.yaml";
    private static final String WEB = "/org/covseg/serve/web";

    private final ServerSettings settings;
    private final String version;
    private final StudyAnalyses analyses;
    private final AccessToken token;
    private final FileChannel lockFile;
    private final FileLock lock;
    private final JobStore store;
    private final JobFolders folders;
    private final JobEvents events = new JobEvents();
    private final AccessLog accessLog;
    private final JobRunner runner;
    private final UploadIntake intake;
    private final ObjectMapper json = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    private final PrintStream log;
    private Javalin app;

    private CovsegServer(ServerSettings settings, StudyAnalyses analyses, String version, PrintStream log) {
        this.settings = settings;
        this.analyses = analyses;
        this.version = version;
        this.log = log;
        Path data = settings.dataDir();
        try {
            Files.createDirectories(data);
            this.token = AccessToken.resolve(settings.token(), data);
            lockFile = FileChannel.open(data.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock = tryLock(lockFile);
        } catch (IOException e) {
            throw new CovsegException("cannot use the data folder " + data + ": " + e.getMessage(), e);
        }
        if (lock == null) {
            closeQuietly(lockFile);
            throw new CovsegException("another covseg serve is using " + data + "; give this one another --data-dir");
        }
        this.store = JobStore.open(data);
        this.accessLog = new AccessLog(data);
        this.folders = new JobFolders(data);
        this.runner = new JobRunner(store, folders, analyses, settings.workers(), settings.queueCapacity(),
                this::changed, log);
        this.intake = new UploadIntake(folders, settings.limits());
    }

    /**
     * Starts a server: recovers the jobs a previous run left, queues those waiting, and listens.
     *
     * @param analyses the analysis with its models loaded; the server closes it
     */
    public static CovsegServer start(ServerSettings settings, StudyAnalyses analyses, String version,
            PrintStream log) {
        CovsegServer server;
        try {
            server = new CovsegServer(settings, analyses, version, log);
        } catch (RuntimeException e) {
            analyses.close();
            throw e;
        }
        try {
            server.recover();
            server.listen();
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    public int port() {
        return app.port();
    }

    /** The address to open in a browser, with the token when this start made it (it is printed only then). */
    public String url(boolean withToken) {
        String host = settings.bind().contains(":") ? "[" + settings.bind() + "]" : settings.bind();
        return "http://" + host + ":" + port() + "/" + (withToken ? "#token=" + token.value() : "");
    }

    public boolean tokenGenerated() {
        return token.generated();
    }

    private void recover() {
        int requeued = store.requeueRunning();
        List<StoredJob> jobs = store.all();
        folders.removeLeftovers(jobs.stream().map(StoredJob::id).collect(Collectors.toSet()));
        Set<String> present = folders.present();
        for (StoredJob j : store.inState(JobState.QUEUED)) {
            if (!present.contains(j.id())) {
                store.fail(j.id(), Instant.now(), "the upload's files were lost while the server was stopped");
                continue;
            }
            runner.resume(j.id());
        }
        if (requeued > 0) {
            log.println("covseg serve: " + requeued + " job(s) interrupted by the last stop are queued again");
        }
    }

    private void listen() {
        long maxBytes = settings.limits().maxBytes();
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.multipartConfig.cacheDirectory(folders.multipartCache().toString());
            config.jetty.multipartConfig.maxFileSize(maxBytes, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(maxBytes, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
            config.staticFiles.add(WEB, Location.CLASSPATH);
            config.requestLogger.http(accessLog::record);
            config.routes.before(ctx -> {
                ctx.header("X-Content-Type-Options", "nosniff");
                ctx.header("Referrer-Policy", "no-referrer");
                ctx.header("X-Frame-Options", "SAMEORIGIN");
            });
            config.routes.before(API + "/*", this::authorize);
            config.routes.before(API + "/jobs/{id}/events", CovsegServer::requireEventStream);
            config.routes.get("/api/openapi.yaml", ctx -> ctx.contentType("application/yaml")
                    .result(resource(OPENAPI)));
            config.routes.get(API + "/server", ctx -> json(ctx, serverInfo()));
            config.routes.get(API + "/jobs", ctx -> json(ctx, Map.of("jobs",
                    store.all().stream().map(this::view).toList())));
            config.routes.post(API + "/jobs", this::upload);
            config.routes.get(API + "/jobs/{id}", ctx -> json(ctx, view(job(ctx))));
            config.routes.delete(API + "/jobs/{id}", this::delete);
            config.routes.get(API + "/jobs/{id}/files/{name}", this::file);
            config.routes.sse(API + "/jobs/{id}/events", client -> {
                StoredJob job = job(client.ctx());
                events.follow(job.id(), client);
                changed(job.id());
            });
            config.routes.exception(ApiException.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
            config.routes.exception(CovsegException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
            config.routes.exception(Exception.class, (e, ctx) -> {
                log.println("covseg serve: internal error on " + ctx.method() + " " + ctx.path() + ":");
                e.printStackTrace(log);
                error(ctx, 500, "internal error (a bug in covseg; the server's log has the trace)");
            });
        });
        try {
            app.start(settings.bind(), settings.port());
        } catch (RuntimeException e) {
            throw new CovsegException("cannot listen on " + settings.bind() + ":" + settings.port() + ": "
                    + rootMessage(e), e);
        }
    }

    private void authorize(Context ctx) {
        String header = ctx.header("Authorization");
        String given = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip()
                : ctx.method() == HandlerType.GET ? ctx.queryParam("access_token") : null;
        if (!token.matches(given)) {
            throw new ApiException(401, given == null ? "this API needs the server's token (Authorization: Bearer"
                    + " <token>); covseg serve printed it at first start and keeps it in its data folder"
                    : "wrong token");
        }
    }

    /** Without this header Javalin answers an empty 200, which an API client could take for a finished stream. */
    private static void requireEventStream(Context ctx) {
        String accept = ctx.header("Accept");
        if (accept == null || !accept.contains("text/event-stream")) {
            throw new ApiException(406, "this is a server-sent event stream: ask for it with Accept:"
                    + " text/event-stream");
        }
    }

    private void upload(Context ctx) {
        if (!runner.admit()) {
            ctx.header("Retry-After", Long.toString(retryAfterSeconds()));
            throw new ApiException(429, "the queue is full (" + settings.queueCapacity() + " studies waiting);"
                    + " try again later");
        }
        boolean queued = false;
        try {
            if (ctx.contentLength() > settings.limits().maxBytes()) {
                throw tooLarge();
            }
            String type = ctx.contentType();
            if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
                throw new ApiException(400, "send the study as multipart/form-data with the form field 'files'");
            }
            AnalysisOptions options;
            List<UploadPart> parts;
            JobMasks maskLabels;
            Map<String, UploadPart> masks = new LinkedHashMap<>();
            try {
                options = UploadForm.read(ctx::formParam);
                maskLabels = UploadForm.maskLabels(ctx::formParam);
                parts = ctx.uploadedFiles("files").stream()
                        .map(f -> new UploadPart(f.filename(), f::content)).toList();
                for (String field : UploadIntake.MASK_FIELDS.keySet()) {
                    List<UploadedFile> given = ctx.uploadedFiles(field);
                    if (given.size() > 1) {
                        throw new ApiException(400, "one " + field + " per study, got " + given.size());
                    }
                    given.forEach(f -> masks.put(field, new UploadPart(f.filename(), f::content)));
                }
            } catch (ApiException e) {
                throw e;
            } catch (RuntimeException e) {
                throw multipartProblem(e);
            }
            UploadIntake.Checked checked = intake.receive(parts, masks, maskLabels, options);
            String id = JobIds.next();
            folders.adopt(checked.folder(), id);
            store.insert(new StoredJob(id, checked.name(), JobState.QUEUED, options, checked.masks(), checked.input(),
                    Instant.now(), null, null, null, null));
            runner.submit(id);
            queued = true;
            ctx.status(202).header("Location", API + "/jobs/" + id);
            json(ctx, view(store.get(id).orElseThrow()));
        } finally {
            if (!queued) {
                runner.release();
            }
        }
    }

    private ApiException multipartProblem(RuntimeException e) {
        String message = rootMessage(e);
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("max") || lower.contains("exceed") || lower.contains("too large")) {
            return tooLarge();
        }
        return new ApiException(400, "the upload is not a readable multipart form: " + message);
    }

    private ApiException tooLarge() {
        return new ApiException(413, "the upload is larger than this server accepts ("
                + settings.limits().maxBytes() / (1024 * 1024) + " MB)");
    }

    private void delete(Context ctx) {
        StoredJob job = job(ctx);
        store.delete(job.id());
        runner.cancel(job.id());
        if (runner.progress(job.id()) == null) {
            folders.deleteJob(job.id());
        }
        events.publish(job.id(), null, true);
        ctx.status(204);
    }

    private void file(Context ctx) throws IOException {
        StoredJob job = job(ctx);
        String name = ctx.pathParam("name");
        ResultFiles.Entry entry = ResultFiles.of(job, folders).get(name)
                .orElseThrow(() -> new ApiException(404, "job " + job.id() + " has no file " + shorten(name)));
        String lower = name.toLowerCase(Locale.ROOT);
        String type = lower.endsWith(".json") ? "application/json" : lower.endsWith(".html") ? "text/html"
                : lower.endsWith(".pdf") ? "application/pdf" : lower.endsWith(".png") ? "image/png"
                : lower.endsWith(".gz") ? "application/gzip" : "application/octet-stream";
        if (lower.endsWith(".html")) {
            // the report is self-contained: no script, nothing fetched
            ctx.header("Content-Security-Policy", "default-src 'none'; img-src data:; style-src 'unsafe-inline'");
        }
        ctx.header("Content-Disposition", "inline; filename=\"" + name + "\"");
        ctx.header("Cache-Control", "private, max-age=3600");
        ctx.contentType(type).result(Files.newInputStream(entry.path()));
    }

    private StoredJob job(Context ctx) {
        String id = ctx.pathParam("id");
        if (!JobIds.valid(id)) {
            throw ApiException.notFound(shorten(id));
        }
        return store.get(id).orElseThrow(() -> ApiException.notFound(id));
    }

    private JobView view(StoredJob job) {
        return JobView.of(job, runner.progress(job.id()), ResultFiles.of(job, folders));
    }

    /** A job changed: its followers hear of it. */
    private void changed(String id) {
        store.get(id).ifPresentOrElse(j -> events.publish(id, text(view(j)), j.state().isFinal()),
                () -> events.publish(id, null, true));
    }

    private Map<String, Object> serverInfo() {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("version", version);
        info.put("numerics", Numerics.ensure().name());
        info.put("models", analyses.models().stream().map(m -> Map.of("name", m.name(), "version", m.version(),
                "task", m.task())).toList());
        info.put("workers", settings.workers());
        info.put("queue_capacity", settings.queueCapacity());
        info.put("max_upload_bytes", settings.limits().maxBytes());
        info.put("max_voxels", settings.limits().maxVoxels());
        return info;
    }

    /** About how long the studies ahead take: the mean run time of recent jobs times those waiting per worker. */
    private long retryAfterSeconds() {
        List<Double> recent = store.inState(JobState.DONE).stream().map(j -> j.finished() == null
                || j.started() == null ? null : (j.finished().toEpochMilli() - j.started().toEpochMilli()) / 1000.0)
                .filter(s -> s != null).toList();
        double mean = recent.isEmpty() ? 30 : recent.subList(Math.max(0, recent.size() - 20), recent.size())
                .stream().mapToDouble(Double::doubleValue).average().orElse(30);
        double ahead = (double) (settings.queueCapacity() + settings.workers()) / settings.workers();
        return Math.max(5, Math.min(3600, Math.round(mean * Math.min(ahead, 2))));
    }

    private void json(Context ctx, Object body) {
        ctx.contentType("application/json").result(text(body));
    }

    private void error(Context ctx, int status, String message) {
        ctx.status(status);
        json(ctx, Map.of("error", message));
    }

    private String text(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The lock, or null when another server (in this JVM or another) holds it. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // closing after a refused lock: nothing was written
        }
    }

    private static InputStream resource(String path) {
        InputStream in = CovsegServer.class.getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("missing resource " + path);
        }
        return in;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }

    @Override
    public void close() {
        if (app != null) {
            app.stop();
        }
        events.close();
        runner.close();
        analyses.close();
        store.close();
        accessLog.close();
        try {
            lock.release();
            lockFile.close();
        } catch (IOException e) {
            log.println("covseg serve: cannot release the data folder's lock: " + e.getMessage());
        }
    }
}
