package org.covseg.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerdictCacheTest {

    @TempDir
    Path dir;

    private static final CpuSignature EPYC = new CpuSignature("AMD EPYC", List.of("avx2", "avx512f", "avx512_bf16"));

    @Test
    void aVerdictIsReadBackUnderItsKey() {
        VerdictCache cache = new VerdictCache(dir);
        String key = VerdictCache.key(EPYC, "PyTorch 2.7.1 (DJL 0.36.0)");
        ProbeResult wrong = new ProbeResult(NumericsMode.DEFAULT,
                List.of(new SelfCheck.CaseResult("2x13x22x22", 0.5, Double.POSITIVE_INFINITY)), 19, "v3.7.1", "AVX-512",
                List.of("jit:avx512_core"), null);
        ProbeResult right = new ProbeResult(NumericsMode.ONEDNN_SSE41,
                List.of(new SelfCheck.CaseResult("2x13x22x22", 1e-6, 2e-6)), 29, "v3.7.1", "SSE4.1",
                List.of("jit:sse41"), null);
        NumericsVerdict verdict = new NumericsVerdict(key, "AMD EPYC", "avx2 avx512f", "PyTorch 2.7.1 (DJL 0.36.0)",
                List.of(wrong, right), NumericsMode.ONEDNN_SSE41, "2026-12-06T18:00:00Z");
        cache.write(verdict);
        NumericsVerdict read = cache.read(key).orElseThrow();
        assertThat(read.mode()).contains(NumericsMode.ONEDNN_SSE41);
        assertThat(read.probe(NumericsMode.DEFAULT).orElseThrow().passed()).isFalse();
        assertThat(read.probe(NumericsMode.DEFAULT).orElseThrow().maxError()).isInfinite();
        assertThat(read.probe(NumericsMode.ONEDNN_SSE41).orElseThrow().kernels()).containsExactly("jit:sse41");
        assertThat(cache.read(VerdictCache.key(EPYC, "PyTorch 2.8.0 (DJL 0.37.0)"))).isEmpty();
    }

    @Test
    void aMissingVerdictIsMadeOnceAndThenRead() {
        VerdictCache cache = new VerdictCache(dir);
        String key = VerdictCache.key(EPYC, "PyTorch 2.7.1");
        AtomicInteger made = new AtomicInteger();
        NumericsVerdict first = cache.readOrMake(key, () -> { }, () -> {
            made.incrementAndGet();
            return sse41Verdict(key);
        });
        NumericsVerdict second = cache.readOrMake(key, () -> { }, () -> {
            made.incrementAndGet();
            return sse41Verdict(key);
        });
        assertThat(made).hasValue(1);
        assertThat(first.mode()).contains(NumericsMode.ONEDNN_SSE41);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void aProcessWaitsForTheVerdictAnotherProcessIsMaking() throws Exception {
        String key = VerdictCache.key(EPYC, "PyTorch 2.7.1");
        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), MakesSlowly.class.getName(), dir.toString(), key)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader said = new BufferedReader(new InputStreamReader(other.getInputStream(),
                    StandardCharsets.UTF_8));
            assertThat(said.readLine()).isEqualTo("making");
            AtomicInteger waited = new AtomicInteger();
            NumericsVerdict verdict = new VerdictCache(dir).readOrMake(key, waited::incrementAndGet, () -> {
                throw new AssertionError("made a second verdict while another process was making one");
            });
            assertThat(waited).hasValue(1);
            assertThat(verdict.mode()).contains(NumericsMode.ONEDNN_SSE41);
            assertThat(other.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(other.exitValue()).isZero();
        } finally {
            other.destroyForcibly();
        }
    }

    /** The other process of the test above: makes its verdict slowly, while it holds the turn. */
    static final class MakesSlowly {

        public static void main(String[] args) {
            new VerdictCache(Path.of(args[0])).readOrMake(args[1], () -> { }, () -> {
                System.out.println("making");
                System.out.flush();
                try {
                    Thread.sleep(1500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return sse41Verdict(args[1]);
            });
        }
    }

    private static NumericsVerdict sse41Verdict(String key) {
        ProbeResult right = new ProbeResult(NumericsMode.ONEDNN_SSE41,
                List.of(new SelfCheck.CaseResult("2x13x22x22", 1e-6, 2e-6)), 29, "v3.7.1", "SSE4.1",
                List.of("jit:sse41"), null);
        return new NumericsVerdict(key, "AMD EPYC", "avx2", "PyTorch 2.7.1", List.of(right),
                NumericsMode.ONEDNN_SSE41, "2026-12-07T23:00:00Z");
    }

    @Test
    void theKeyChangesWithTheCpuAndTheEngine() {
        String key = VerdictCache.key(EPYC, "PyTorch 2.7.1");
        assertThat(VerdictCache.key(EPYC, "PyTorch 2.7.1")).isEqualTo(key);
        assertThat(VerdictCache.key(new CpuSignature("AMD EPYC", List.of("avx2")), "PyTorch 2.7.1")).isNotEqualTo(key);
        assertThat(VerdictCache.key(EPYC, "PyTorch 2.5.1")).isNotEqualTo(key);
    }

    @Test
    void anUnreadableFileIsIgnored() throws IOException {
        VerdictCache cache = new VerdictCache(dir);
        String key = VerdictCache.key(EPYC, "PyTorch 2.7.1");
        Files.writeString(cache.file(key), "{ not json");
        assertThat(cache.read(key)).isEmpty();
    }

    @Test
    void theCpuIsReadFromCpuinfo() throws IOException {
        Path cpuinfo = dir.resolve("cpuinfo");
        Files.writeString(cpuinfo, """
                processor\t: 0
                model name\t: AMD EPYC 9R14
                flags\t\t: fpu sse4_1 avx avx2 avx512f avx512_bf16
                processor\t: 1
                model name\t: AMD EPYC 9R14
                flags\t\t: fpu sse4_1 avx avx2 avx512f avx512_bf16
                """);
        CpuSignature cpu = CpuSignature.read(cpuinfo);
        assertThat(cpu.model()).isEqualTo("AMD EPYC 9R14");
        assertThat(cpu.flags()).containsExactly("fpu", "sse4_1", "avx", "avx2", "avx512f", "avx512_bf16");
        assertThat(cpu.vectorFlags()).isEqualTo("avx avx2 avx512_bf16 avx512f");
    }
}
