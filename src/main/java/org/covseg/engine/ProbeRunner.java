package org.covseg.engine;

import ai.djl.util.Utils;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link SelfCheckProbe} for one mode in a child JVM with this JVM's class path and engine cache, and reads its
 * result, together with what oneDNN's verbose log says (version, instruction set, the convolution kernels used).
 * A probe that crashes, hangs or prints no result is a failed probe, not an error.
 */
final class ProbeRunner {

    private static final long TIMEOUT_SECONDS = 300;
    private static final String VERBOSE = "onednn_verbose,";

    private ProbeRunner() {
    }

    static ProbeResult run(NumericsMode mode) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-Xmx1g", "-Djava.awt.headless=true",
                "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"),
                SelfCheckProbe.class.getName(), mode.name());
        Map<String, String> env = builder.environment();
        env.put("ONEDNN_VERBOSE", "1");
        env.put("DJL_CACHE_DIR", Utils.getCacheDir().toString());
        env.putIfAbsent("DJL_OFFLINE", "true");
        env.putIfAbsent("OPT_OUT_TRACKING", "true");
        builder.redirectErrorStream(true);
        try {
            Process process = builder.start();
            Parsed parsed = parse(mode, process);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return ProbeResult.failed(mode, "the probe did not finish in " + TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0 || parsed.result == null) {
                return ProbeResult.failed(mode, "the probe ended with exit code " + process.exitValue()
                        + (parsed.tail.isEmpty() ? "" : ": " + String.join(" | ", parsed.tail)));
            }
            return new ProbeResult(mode, parsed.result.cases(), parsed.result.workloadMillis(), parsed.oneDnn,
                    parsed.isa, List.copyOf(parsed.kernels), null);
        } catch (IOException e) {
            return ProbeResult.failed(mode, "the probe could not run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ProbeResult.failed(mode, "interrupted");
        }
    }

    private static Parsed parse(NumericsMode mode, Process process) throws IOException {
        Parsed parsed = new Parsed();
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith(SelfCheckProbe.RESULT_PREFIX)) {
                    parsed.result = new ObjectMapper().readValue(
                            line.substring(SelfCheckProbe.RESULT_PREFIX.length()), SelfCheckProbe.Output.class);
                } else if (line.startsWith(VERBOSE)) {
                    parsed.verbose(line);
                } else {
                    parsed.tail.addLast(line);
                    if (parsed.tail.size() > 3) {
                        parsed.tail.removeFirst();
                    }
                }
            }
        }
        return parsed;
    }

    /** What a probe printed. */
    private static final class Parsed {
        SelfCheckProbe.Output result;
        String oneDnn = "";
        String isa = "";
        final Set<String> kernels = new LinkedHashSet<>();
        final Deque<String> tail = new ArrayDeque<>();

        /**
         * Reads e.g. "onednn_verbose,v1,info,oneDNN v3.7.1 (commit …)", "…,info,cpu,isa:…" and
         * "…,exec,cpu,convolution,jit:avx512_core,…".
         */
        void verbose(String line) {
            String[] f = line.split(",", -1);
            int info = indexOf(f, "info");
            int exec = indexOf(f, "exec");
            if (info >= 0 && info + 1 < f.length && f[info + 1].startsWith("oneDNN v")) {
                oneDnn = f[info + 1].substring("oneDNN ".length());
            } else if (info >= 0 && info + 2 < f.length && f[info + 2].startsWith("isa:")) {
                isa = f[info + 2].substring("isa:".length());
            } else if (exec >= 0 && exec + 3 < f.length && f[exec + 2].equals("convolution")) {
                kernels.add(f[exec + 3]);
            }
        }

        private static int indexOf(String[] fields, String value) {
            for (int i = 0; i < Math.min(fields.length, 4); i++) {
                if (fields[i].equals(value)) {
                    return i;
                }
            }
            return -1;
        }
    }
}
