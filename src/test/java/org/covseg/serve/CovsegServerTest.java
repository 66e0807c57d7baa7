package org.covseg.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.covseg.analysis.AnalysisModels;
import org.covseg.analysis.AnalysisOptions;
import org.covseg.analysis.StudyAnalyses;
import org.covseg.cli.Main;
import org.covseg.image.IntensityUnit;
import org.covseg.image.Volume;
import org.covseg.io.NiftiDatatype;
import org.covseg.io.NiftiReader;
import org.covseg.io.NiftiWriter;
import org.covseg.io.TestDicomWriter;
import org.covseg.model.DefaultModels;
import org.covseg.phantom.Phantom;
import org.covseg.phantom.PhantomConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** covseg serve against a real server on a free port, called over HTTP as a lab's pipeline would. */
class CovsegServerTest {

    static final long MAX_UPLOAD = 16L << 20;

    @TempDir
    static Path tmp;

    static Path phantom;
    static Phantom phantomVolume;
    static CovsegServer server;
    static ApiClient api;
    static ByteArrayOutputStream serverLog = new ByteArrayOutputStream();

    @BeforeAll
    static void start() {
        phantom = tmp.resolve("phantom.nii.gz");
        phantomVolume = Phantom.generate(PhantomConfig.builder().grid(96, 10, 3.6, 20).seed(9).build());
        NiftiWriter.write(phantomVolume.ct(), phantom, NiftiDatatype.FLOAT32);
        server = start(tmp.resolve("data"), 1, 4);
        api = new ApiClient(server.port(), token(tmp.resolve("data")));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static CovsegServer start(Path data, int workers, int queue) {
        AnalysisModels models = AnalysisModels.open(AnalysisModels.Folders.chosen(DefaultModels.infection(), null,
                false, null, false), 4);
        return CovsegServer.start(ServerSettings.of("127.0.0.1", 0, data, null, workers, queue, MAX_UPLOAD,
                10_000_000), new StudyAnalyses(models, "test"), "test", new PrintStream(serverLog, true));
    }

    static String token(Path data) {
        try {
            return Files.readString(data.resolve(AccessToken.FILE)).strip();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void anUploadedPhantomIsAnalysedAsTheCliAnalysesIt() throws IOException {
        ApiClient.Reply queued = api.upload(List.of(phantom), Map.of("pdf", "false"));
        assertThat(queued.status()).as(queued.body()).isEqualTo(202);
        String id = queued.json().get("id").asText();
        assertThat(queued.raw().headers().firstValue("Location")).hasValue("/api/v1/jobs/" + id);

        JsonNode job = api.awaitFinal(id, 180);

        assertThat(job.get("state").asText()).as(job.toString()).isEqualTo("done");
        Path cli = tmp.resolve("cli");
        assertThat(Main.run("analyze", phantom.toString(), "--out", cli.toString())).isZero();
        JsonNode served = new ObjectMapper().readTree(api.bytes("/api/v1/jobs/" + id + "/files/report.json"));
        JsonNode local = new ObjectMapper().readTree(cli.resolve("report.json").toFile());
        assertThat(comparable(served)).isEqualTo(comparable(local));
        assertThat(api.bytes("/api/v1/jobs/" + id + "/files/phantom_lungs.nii.gz"))
                .isEqualTo(Files.readAllBytes(cli.resolve("phantom_lungs.nii.gz")));
        assertThat(api.bytes("/api/v1/jobs/" + id + "/files/phantom_infection_mask.nii.gz"))
                .isEqualTo(Files.readAllBytes(cli.resolve("phantom_infection_mask.nii.gz")));
        assertThat(api.bytes("/api/v1/jobs/" + id + "/files/ct.nii.gz")).isEqualTo(Files.readAllBytes(phantom));
        assertThat(job.get("viewer").get("ct").asText()).isEqualTo("ct.nii.gz");
        assertThat(job.get("viewer").get("lungs").asText()).isEqualTo("phantom_lungs.nii.gz");
        assertThat(job.get("headline").asText()).startsWith("infection ");
        assertThat(job.get("run_seconds").asDouble()).isPositive();
    }

    /** The report without what differs between two runs: where the input was, timings, the version string. */
    private static JsonNode comparable(JsonNode report) {
        ObjectNode r = report.deepCopy();
        r.remove("timingsSeconds");
        r.remove("wallSeconds");
        r.remove("covsegVersion");
        ((ObjectNode) r.get("input")).remove("path");
        return r;
    }

    @Test
    void aZipOfADicomSeriesIsAnalysedUnderTheZipsNameAndItsCtIsWrittenForTheViewer() throws IOException {
        Path series = tmp.resolve("dicom-series");
        List<Path> files = TestDicomWriter.writeSeries(phantomVolume.ct(), series, TestDicomWriter.Options.defaults());
        Path zip = tmp.resolve("chest.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (Path f : files) {
                z.putNextEntry(new ZipEntry("study/series/" + f.getFileName()));
                z.write(Files.readAllBytes(f));
                z.closeEntry();
            }
        }

        String id = api.upload(List.of(zip), Map.of("pdf", "false")).json().get("id").asText();
        JsonNode job = api.awaitFinal(id, 180);

        assertThat(job.get("state").asText()).as(job.toString()).isEqualTo("done");
        assertThat(job.get("viewer").get("ct").asText()).isEqualTo("ct.nii.gz");
        assertThat(job.get("viewer").get("lungs").asText()).isEqualTo("chest_lungs.nii.gz");
        Path ct = Files.write(tmp.resolve("viewer-ct.nii.gz"), api.bytes("/api/v1/jobs/" + id + "/files/ct.nii.gz"));
        Volume shown = NiftiReader.read(ct, IntensityUnit.HU);
        assertThat(shown.width()).isEqualTo(96);
        assertThat(shown.depth()).isEqualTo(10);
    }

    @Test
    void masksUploadedWithTheStudyAreScoredAsAnalyzeScoresThem() throws IOException {
        Path infection = tmp.resolve("truth_infection.nii.gz");
        Path lungs = tmp.resolve("truth_lungs.nii.gz");
        NiftiWriter.write(phantomVolume.infection(), infection, NiftiDatatype.UINT8);
        NiftiWriter.write(phantomVolume.lungs(), lungs, NiftiDatatype.UINT8);

        ApiClient.Reply queued = api.upload(List.of(phantom), Map.of("pdf", "false", "infection_labels", "classes"),
                Map.of("infection_mask", infection, "lung_mask", lungs));
        assertThat(queued.status()).as(queued.body()).isEqualTo(202);
        JsonNode job = api.awaitFinal(queued.json().get("id").asText(), 180);

        assertThat(job.get("state").asText()).as(job.toString()).isEqualTo("done");
        assertThat(job.get("masks").get("infection_labels").asText()).isEqualTo("GROUND_GLASS_AND_CONSOLIDATION");
        Path cli = tmp.resolve("cli-masks");
        assertThat(Main.run("analyze", phantom.toString(), "--out", cli.toString(), "--infection-mask",
                infection.toString(), "--infection-labels", "classes", "--lung-mask", lungs.toString())).isZero();
        JsonNode served = new ObjectMapper().readTree(api.bytes("/api/v1/jobs/" + job.get("id").asText()
                + "/files/report.json"));
        JsonNode local = new ObjectMapper().readTree(cli.resolve("report.json").toFile());
        assertThat(served.get("severity")).isEqualTo(local.get("severity"));

        Path small = tmp.resolve("small_mask.nii.gz");
        NiftiWriter.write(Volume.builder(8, 8, 2).build(), small, NiftiDatatype.UINT8);
        ApiClient.Reply refused = api.upload(List.of(phantom), Map.of(), Map.of("lung_mask", small));
        assertRefused(refused, 400, "");
        assertThat(refused.json().get("error").asText()).contains("lung_mask").contains("small_mask.nii.gz")
                .doesNotContain("--lung-mask");
    }

    @Test
    void progressArrivesAsServerSentEventsEndingWithTheFinalState() {
        String id = api.upload(List.of(phantom), Map.of("pdf", "false")).json().get("id").asText();

        List<String> events = api.events(id);

        assertThat(events).isNotEmpty();
        List<String> states = events.stream().map(e -> read(e).get("state").asText()).toList();
        assertThat(states.get(states.size() - 1)).isEqualTo("done");
        assertThat(states).allMatch(s -> List.of("queued", "running", "done").contains(s));
        assertThat(api.get("/api/v1/jobs/" + id + "/events").status()).as("without Accept: text/event-stream")
                .isEqualTo(406);
    }

    private static JsonNode read(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void badUploadsGetOneClearLineAndLeaveNothingBehind() throws IOException {
        int jobsBefore = api.get("/api/v1/jobs").json().get("jobs").size();
        byte[] whole = Files.readAllBytes(phantom);
        Path truncated = Files.write(tmp.resolve("truncated.nii.gz"), Arrays.copyOf(whole, whole.length / 2));
        Path escaping = zip(tmp.resolve("escaping.zip"), "../../outside.dcm", new byte[100]);
        Path text = Files.writeString(tmp.resolve("notes.txt"), "not a scan");

        assertRefused(api.upload(List.of(truncated), Map.of()), 400, "cannot read NIfTI file truncated.nii.gz: ");
        assertRefused(api.upload(List.of(escaping), Map.of()), 400, "escaping.zip has an entry whose name leaves");
        assertRefused(api.announceUpload(MAX_UPLOAD + 1), 413, "the upload is larger than this server accepts");
        assertRefused(api.upload(List.of(text), Map.of()), 400, "no DICOM image files in the upload");
        assertRefused(api.upload(List.of(phantom), Map.of("threshold", "1.5")), 400, "threshold must lie in (0, 1)");
        assertRefused(api.upload(List.of(), Map.of()), 400, "no file uploaded");
        // a small body: a server refusing a large upload at once closes while the client still writes, and the
        // client's connection reset can then hide the answer (seen once in a busy run); curl avoids it with
        // Expect: 100-continue
        assertRefused(api.withToken("wrong-token-wrong-token").upload(List.of(text), Map.of()), 401,
                "wrong token");
        assertRefused(api.withToken(null).get("/api/v1/jobs"), 401, "this API needs the server's token");

        assertThat(api.get("/api/v1/jobs").json().get("jobs").size()).isEqualTo(jobsBefore);
        try (var incoming = Files.list(tmp.resolve("data/incoming"))) {
            assertThat(incoming.filter(p -> !p.getFileName().toString().startsWith("MultiPart")).toList()).isEmpty();
        }
        assertThat(tmp.resolve("outside.dcm")).doesNotExist();
    }

    private static void assertRefused(ApiClient.Reply reply, int status, String start) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.json().get("error").asText()).startsWith(start).doesNotContain("\n")
                .doesNotContain(tmp.toString());
    }

    static Path zip(Path file, String entry, byte[] content) throws IOException {
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(file))) {
            z.putNextEntry(new ZipEntry(entry));
            z.write(content);
            z.closeEntry();
        }
        return file;
    }

    @Test
    void aJobIsDeletedWithItsFilesAndNamesFromClientsNeverBecomePaths() {
        String id = api.upload(List.of(phantom), Map.of("pdf", "false")).json().get("id").asText();
        api.awaitFinal(id, 180);

        assertThat(api.get("/api/v1/jobs/" + id + "/files/..%2Finput%2Fphantom.nii.gz").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/jobs/" + id + "/files/%2Fetc%2Fpasswd").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/jobs/..%2F..%2Ftoken").status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/jobs/" + id).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/jobs/" + id).status()).isEqualTo(404);
        assertThat(tmp.resolve("data/jobs").resolve(id)).doesNotExist();
    }

    @Test
    void aFullQueueAnswers429WithRetryAfter(@TempDir Path data) {
        try (CovsegServer busy = start(data, 1, 0)) {
            ApiClient client = new ApiClient(busy.port(), token(data));
            ApiClient.Reply first = client.upload(List.of(phantom), Map.of("pdf", "false"));
            ApiClient.Reply second = client.upload(List.of(phantom), Map.of("pdf", "false"));

            assertThat(first.status()).isEqualTo(202);
            assertThat(second.status()).as(second.body()).isEqualTo(429);
            assertThat(second.raw().headers().firstValue("Retry-After")).isPresent();
            assertThat(second.json().get("error").asText()).startsWith("the queue is full");
            assertThat(client.awaitFinal(first.json().get("id").asText(), 180).get("state").asText())
                    .isEqualTo("done");
            assertThat(client.upload(List.of(phantom), Map.of("pdf", "false")).status()).isEqualTo(202);
        }
    }

    @Test
    void aRestartRunsInterruptedJobsAgainKeepsFinishedOnesAndClearsLeftovers(@TempDir Path data) throws IOException {
        String finished;
        String interrupted;
        try (CovsegServer first = start(data, 1, 4)) {
            ApiClient client = new ApiClient(first.port(), token(data));
            finished = client.upload(List.of(phantom), Map.of("pdf", "false")).json().get("id").asText();
            interrupted = client.upload(List.of(phantom), Map.of("pdf", "false")).json().get("id").asText();
            client.awaitFinal(finished, 180);
            client.awaitFinal(interrupted, 180);
        }
        // what kill -9 in the middle of a job leaves: the job marked running, a half-written result, an upload
        // half received, and the folder of an upload not yet in the database
        try (JobStore store = JobStore.open(data)) {
            store.delete(interrupted);
            StoredJob j = new StoredJob(interrupted, "phantom.nii.gz", JobState.RUNNING, AnalysisOptions.DEFAULTS,
                    JobMasks.NONE, "input/phantom.nii.gz", Instant.now(), Instant.now(), null, null, null);
            store.insert(j);
        }
        Path jobDir = data.resolve("jobs").resolve(interrupted);
        Files.writeString(jobDir.resolve("result/report.json"), "{ half");
        Files.createDirectories(jobDir.resolve(".result.partial-1"));
        Files.createDirectories(data.resolve("incoming/upload-1"));
        Files.createDirectories(data.resolve("jobs/aaaaaaaaaaaaaaaaaaaaaaaaaa/input"));

        try (CovsegServer second = start(data, 1, 4)) {
            ApiClient client = new ApiClient(second.port(), token(data));
            JsonNode rerun = client.awaitFinal(interrupted, 180);

            assertThat(rerun.get("state").asText()).isEqualTo("done");
            assertThat(client.get("/api/v1/jobs/" + finished).json().get("state").asText()).isEqualTo("done");
            assertThat(read(new String(client.bytes("/api/v1/jobs/" + interrupted + "/files/report.json"))))
                    .isNotNull();
            assertThat(jobDir.resolve(".result.partial-1")).doesNotExist();
            assertThat(data.resolve("incoming/upload-1")).doesNotExist();
            assertThat(data.resolve("jobs/aaaaaaaaaaaaaaaaaaaaaaaaaa")).doesNotExist();
            assertThat(client.get("/api/v1/jobs").json().get("jobs").size()).isEqualTo(2);
        }
    }

    @Test
    void theServerSaysWhatItRunsAndServesItsApiDescriptionAndPage() {
        JsonNode info = api.get("/api/v1/server").json();
        assertThat(info.get("models").get(0).get("task").asText()).isEqualTo("infection");
        assertThat(info.get("numerics").asText()).isNotBlank();
        assertThat(api.withToken(null).get("/api/openapi.yaml").body()).contains("openapi: 3.0.3")
                .contains("/api/v1/jobs/{id}/events");
        ApiClient.Reply page = api.withToken(null).get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("niivue");
    }

    @Test
    void everyRequestIsInTheAccessLogWithoutTheToken() throws IOException, InterruptedException {
        String token = token(tmp.resolve("data"));
        api.withToken(null).get("/api/v1/server?access_token=" + token);
        api.withToken("wrong-token-wrong-token").get("/api/v1/jobs");
        String id = api.upload(List.of(phantom), Map.of("pdf", "false")).json().get("id").asText();

        // a request is logged once its response is sent: give the last one a moment
        Path file = tmp.resolve("data").resolve(AccessLog.FILE);
        long end = System.nanoTime() + 5_000_000_000L;
        while (Files.readAllLines(file).stream().noneMatch(l -> l.endsWith(id)) && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        List<String> log = Files.readAllLines(file);

        assertThat(log).anyMatch(l -> l.contains(" GET /api/v1/server 200 "));
        assertThat(log).anyMatch(l -> l.contains(" GET /api/v1/jobs 401 "));
        assertThat(log).anyMatch(l -> l.contains(" POST /api/v1/jobs 202 ") && l.endsWith(" -> /api/v1/jobs/" + id));
        api.awaitFinal(id, 180);
        assertThat(String.join("\n", log)).doesNotContain(token);
    }

    @Test
    void aSecondServerOnTheSameDataFolderIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> start(tmp.resolve("data"), 1, 1))
                .isInstanceOf(org.covseg.CovsegException.class).hasMessageContaining("another covseg serve");
    }
}
