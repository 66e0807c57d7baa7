package org.covseg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.covseg.analysis.PhantomFiles;
import org.covseg.analysis.TinyModels;
import org.covseg.io.NiftiDatatype;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine self-check's fallback, end to end in fresh JVMs (the numerics mode is per process), with the failure
 * injected by the test-only variable COVSEG_TEST_WRONG_NUMERICS so that it is tested on CPUs that compute right,
 * and a verdict cache of the test's own.
 */
class NumericsFallbackTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** What libtorch and PDFBox print unless covseg keeps it off the console. */
    private static final List<String> NOISE = List.of("NNPACK", "AutoNonVariableTypeMode", "WARNING", "[W");

    @TempDir
    static Path dir;
    static Path ct;
    static Path infection;

    @BeforeAll
    static void makeScanAndModel() throws IOException {
        ct = PhantomFiles.write(PhantomFiles.small().ct(), dir, "chest.nii.gz", NiftiDatatype.INT16);
        infection = TinyModels.infection(dir.resolve("infection"));
    }

    private record Run(int exitCode, String out, String err) {
    }

    private static Run covseg(Path cache, String wrongModes, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx2g", "-Djava.awt.headless=true", "-Dai.djl.offline=true",
                "-Dcovseg.numerics.cache=" + cache, "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("COVSEG_TEST_WRONG_NUMERICS", wrongModes);
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static Run analyze(Path cache, String wrongModes, Path out) throws IOException, InterruptedException {
        return covseg(cache, wrongModes, "analyze", ct.toString(), "--out", out.toString(), "--model",
                infection.toString(), "--no-classes", "--no-detect", "--pdf", "--threads", "1");
    }

    @Test
    void aWrongDefaultFallsBackSaysSoOnceAndTheReportRecordsTheMode() throws Exception {
        Path cache = dir.resolve("cache-fallback");
        Run first = analyze(cache, "DEFAULT", dir.resolve("first"));
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.err()).contains("checking the engine's numerics");
        assertThat(first.err().split("running with ", -1)).as(first.err()).hasSize(2);
        assertThat(first.err()).doesNotContain(NOISE);
        JsonNode report = JSON.readTree(dir.resolve("first/report.json").toFile());
        assertThat(report.at("/numerics/mode").asText()).isIn("ONEDNN_SSE41", "ONEDNN_OFF");
        assertThat(Files.readString(dir.resolve("first/report.html"), StandardCharsets.UTF_8))
                .contains("numerics mode " + report.at("/numerics/mode").asText());
        try (var verdicts = Files.list(cache)) {
            JsonNode verdict = JSON.readTree(verdicts.filter(f -> f.toString().endsWith(".json")).findFirst()
                    .orElseThrow().toFile());
            assertThat(verdict.at("/probes/0/mode").asText()).isEqualTo("DEFAULT");
            assertThat(verdict.at("/chosen").asText()).isEqualTo(report.at("/numerics/mode").asText());
        }

        Run second = analyze(cache, "DEFAULT", dir.resolve("second"));
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.err()).doesNotContain("checking the engine's numerics").contains("running with ");
    }

    @Test
    void whenNoModeIsRightDoctorSaysSoAndNetworksRefuseToRun() throws Exception {
        Path cache = dir.resolve("cache-none");
        String all = "DEFAULT,ONEDNN_SSE41,ONEDNN_OFF";
        Run doctor = covseg(cache, all, "doctor");
        assertThat(doctor.exitCode()).as(doctor.err()).isEqualTo(1);
        assertThat(doctor.out()).containsPattern("DEFAULT +WRONG").containsPattern("ONEDNN_SSE41 +WRONG")
                .containsPattern("ONEDNN_OFF +WRONG").contains("oneDNN         v").contains("covseg uses    nothing");

        Path out = dir.resolve("refused");
        Run analyze = analyze(cache, all, out);
        assertThat(analyze.exitCode()).isEqualTo(1);
        assertThat(analyze.err().strip()).doesNotContain("\n")
                .startsWith("covseg: the engine self-check failed in every numerics mode (DEFAULT: wrong");
        assertThat(out).doesNotExist();
    }
}
