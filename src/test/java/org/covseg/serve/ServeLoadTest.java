package org.covseg.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.covseg.io.NiftiDatatype;
import org.covseg.io.NiftiWriter;
import org.covseg.phantom.Phantom;
import org.covseg.phantom.PhantomConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bounded load test of covseg serve (not in the unit suite; docs/results.md has its figures and command):
 * a server in its own JVM, 50 concurrent small uploads, 1,000 status polls, then {@code kill -9} while jobs run
 * and a restart; no accepted job may be lost or duplicated, and every one must finish.
 *
 * <pre>./mvnw test -Dtest=ServeLoadTest -Dcovseg.excludedGroups=none</pre>
 */
@Tag("load")
class ServeLoadTest {

    private static final int UPLOADS = 50;
    private static final int POLLS = 1_000;
    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)/");

    @TempDir
    Path tmp;

    @Test
    void concurrentUploadsPollsAndAKillLoseNothing() throws Exception {
        Path phantom = tmp.resolve("phantom.nii.gz");
        NiftiWriter.write(Phantom.generate(PhantomConfig.builder().grid(96, 10, 3.6, 20).seed(3).build()).ct(),
                phantom, NiftiDatatype.FLOAT32);
        Path data = tmp.resolve("data");

        Process server = startServer(data);
        ApiClient api = new ApiClient(port(server), CovsegServerTest.token(data));
        ExecutorService clients = Executors.newFixedThreadPool(UPLOADS);

        List<Callable<long[]>> uploads = new ArrayList<>();
        for (int i = 0; i < UPLOADS; i++) {
            uploads.add(() -> timed(() -> api.upload(List.of(phantom), Map.of("pdf", "false"))));
        }
        List<String> accepted = Collections.synchronizedList(new ArrayList<>());
        List<Long> uploadNanos = new ArrayList<>();
        int refused = 0;
        for (Future<long[]> f : clients.invokeAll(uploads)) {
            long[] r = f.get();
            uploadNanos.add(r[0]);
            refused += r[1] == 429 ? 1 : 0;
        }
        for (JsonNode j : api.get("/api/v1/jobs").json().get("jobs")) {
            accepted.add(j.get("id").asText());
        }

        List<Callable<long[]>> polls = new ArrayList<>();
        for (int i = 0; i < POLLS; i++) {
            String id = accepted.get(i % accepted.size());
            polls.add(() -> timed(() -> api.get("/api/v1/jobs/" + id)));
        }
        List<Long> pollNanos = new ArrayList<>();
        for (Future<long[]> f : Executors.newFixedThreadPool(20).invokeAll(polls)) {
            long[] r = f.get();
            assertThat(r[1]).isEqualTo(200);
            pollNanos.add(r[0]);
        }
        clients.shutdown();

        long wait = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (finishedTimes(api).size() < 3 && System.nanoTime() < wait) {
            Thread.sleep(200);
        }
        Map<String, String> finishedBeforeKill = finishedTimes(api);
        server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        Process restarted = startServer(data);
        ApiClient after = new ApiClient(port(restarted), CovsegServerTest.token(data));
        try {
            long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(20);
            while (states(after).stream().anyMatch(s -> !s.equals("done") && !s.equals("failed"))
                    && System.nanoTime() < end) {
                Thread.sleep(1000);
            }
            List<String> ids = new ArrayList<>();
            after.get("/api/v1/jobs").json().get("jobs").forEach(j -> ids.add(j.get("id").asText()));
            Set<String> unique = new HashSet<>(ids);

            System.out.printf(Locale.ROOT, "uploads: %d sent, %d accepted (202), %d refused (429); upload latency"
                            + " p50 %.0f ms, p99 %.0f ms%n", UPLOADS, accepted.size(), refused,
                    percentile(uploadNanos, 50), percentile(uploadNanos, 99));
            System.out.printf(Locale.ROOT, "status polls: %d, p50 %.1f ms, p99 %.1f ms (while jobs ran)%n", POLLS,
                    percentile(pollNanos, 50), percentile(pollNanos, 99));
            System.out.printf(Locale.ROOT, "kill -9 with %d of %d jobs done; after restart: %d jobs, %d unique,"
                            + " states %s%n", finishedBeforeKill.size(), accepted.size(), ids.size(), unique.size(),
                    states(after).stream().distinct().toList());

            assertThat(accepted.size() + refused).isEqualTo(UPLOADS);
            assertThat(ids).hasSize(accepted.size());
            assertThat(unique).containsExactlyInAnyOrderElementsOf(accepted);
            assertThat(states(after)).containsOnly("done");
            assertThat(finishedTimes(after)).as("jobs finished before the kill are kept, not run again")
                    .containsAllEntriesOf(finishedBeforeKill);
        } finally {
            restarted.destroy();
            restarted.waitFor(60, TimeUnit.SECONDS);
        }
    }

    private static List<String> states(ApiClient api) {
        List<String> states = new ArrayList<>();
        api.get("/api/v1/jobs").json().get("jobs").forEach(j -> states.add(j.get("state").asText()));
        return states;
    }

    private static Map<String, String> finishedTimes(ApiClient api) {
        Map<String, String> finished = new java.util.HashMap<>();
        api.get("/api/v1/jobs").json().get("jobs").forEach(j -> {
            if (j.get("state").asText().equals("done")) {
                finished.put(j.get("id").asText(), j.get("finished").asText());
            }
        });
        return finished;
    }

    private static long[] timed(Callable<ApiClient.Reply> call) throws Exception {
        long t0 = System.nanoTime();
        ApiClient.Reply r = call.call();
        return new long[] {System.nanoTime() - t0, r.status()};
    }

    private static double percentile(List<Long> nanos, int p) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int i = Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, i)) / 1e6;
    }

    private Process startServer(Path data) throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx4g",
                "-cp", System.getProperty("java.class.path"), "org.covseg.cli.Main", "serve", "--port", "0",
                "--data-dir", data.toString(), "--workers", "1", "--queue", "20");
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static int port(Process server) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = out.readLine()) != null; ) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
                drain.setDaemon(true);
                drain.start();
                return Integer.parseInt(m.group(1));
            }
        }
        throw new AssertionError("the server ended before it listened");
    }
}
