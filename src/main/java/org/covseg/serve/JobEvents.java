package org.covseg.serve;

import io.javalin.http.sse.SseClient;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The clients following jobs by server-sent events: each hears event {@code job} with the job's JSON whenever it
 * changes; the stream ends after a final state. A comment every few seconds keeps idle connections open.
 */
final class JobEvents implements AutoCloseable {

    static final String EVENT = "job";
    private static final long HEARTBEAT_SECONDS = 10;

    private final Map<String, Set<SseClient>> clients = new ConcurrentHashMap<>();
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "covseg-sse-heartbeat");
        t.setDaemon(true);
        return t;
    });

    JobEvents() {
        heartbeat.scheduleAtFixedRate(this::beat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
    }

    /** Starts following {@code id}; the caller then publishes the job's current view. */
    void follow(String id, SseClient client) {
        client.keepAlive();
        clients.computeIfAbsent(id, k -> ConcurrentHashMap.newKeySet()).add(client);
        client.onClose(() -> forget(id, client));
    }

    /** Tells the job's followers its new view; ends their streams when {@code finished} (also when deleted). */
    void publish(String id, String viewJson, boolean finished) {
        Set<SseClient> following = clients.get(id);
        if (following == null) {
            return;
        }
        for (SseClient c : List.copyOf(following)) {
            if (c.terminated()) {
                forget(id, c);
                continue;
            }
            // a client's stream is written by workers and by the heartbeat: one writer at a time
            synchronized (c) {
                if (viewJson != null) {
                    c.sendEvent(EVENT, viewJson);
                }
                if (finished) {
                    c.close();
                }
            }
        }
        if (finished) {
            clients.remove(id);
        }
    }

    private void forget(String id, SseClient client) {
        clients.computeIfPresent(id, (k, set) -> {
            set.remove(client);
            return set.isEmpty() ? null : set;
        });
    }

    private void beat() {
        clients.forEach((id, set) -> set.forEach(c -> {
            synchronized (c) {
                if (!c.terminated()) {
                    c.sendComment("alive");
                }
            }
        }));
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        clients.values().forEach(set -> set.forEach(SseClient::close));
        clients.clear();
    }
}
