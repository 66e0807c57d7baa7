package org.covseg.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.covseg.CovsegException;
import org.covseg.CovsegVersion;
import org.covseg.analysis.AnalysisModels;
import org.covseg.analysis.StudyAnalyses;
import org.covseg.engine.EngineSetup;
import org.covseg.model.DefaultModels;
import org.covseg.serve.CovsegServer;
import org.covseg.serve.ServerSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"A web service and viewer: upload a chest CT in the browser or over HTTP, follow its analysis,"
                + " look at the CT with its lung and infection overlays beside the report (research software, not"
                + " for clinical use).",
                "Listens on 127.0.0.1 unless --bind says otherwise. Every API call needs the access token, printed"
                        + " once at first start (with the address to open) and kept in <data-dir>/token.",
                "The API is described at /api/openapi.yaml. Jobs and their files stay in --data-dir across"
                        + " restarts; jobs a stop interrupted are run again."})
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8765", description = "Port (default: ${DEFAULT-VALUE}; 0: any free).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "<address>",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0: all).")
    String bind;

    @Option(names = "--data-dir", defaultValue = "covseg-serve", paramLabel = "<dir>",
            description = "Jobs, results, the job database and the token (default: ./${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--token", paramLabel = "<token>", description = "Access token to require (at least 16"
            + " characters; default: the one in <data-dir>/token, made at first start).")
    String token;

    @Option(names = "--workers", paramLabel = "<n>", description = "Studies analysed at once (default: the CPU"
            + " cores divided by --threads, at least 1).")
    Integer workers;

    @Option(names = "--queue", defaultValue = "20", paramLabel = "<n>",
            description = "Studies that may wait beyond those; more are answered 429 (default: ${DEFAULT-VALUE}).")
    int queue;

    @Option(names = "--max-upload-mb", defaultValue = "2048", paramLabel = "<MB>",
            description = "Largest upload accepted (default: ${DEFAULT-VALUE}).")
    long maxUploadMb;

    @Option(names = "--max-voxels", defaultValue = "400000000", paramLabel = "<n>",
            description = "Most voxels a study may have (default: ${DEFAULT-VALUE}).")
    long maxVoxels;

    @Option(names = "--model", paramLabel = "<dir>",
            description = "Infection model folder (default: the shipped models/infection).")
    Path model;

    @Option(names = "--multiclass-model", paramLabel = "<dir>", description = "Multi-class model (default:"
            + " models/multiclass when installed).")
    Path multiclassModel;

    @Option(names = "--detect-model", paramLabel = "<dir>", description = "COVID-19 detection model (default:"
            + " models/detect when installed).")
    Path detectModel;

    @Option(names = "--threads", defaultValue = "2", description = "CPU threads per study (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--batch-size", defaultValue = "4", description = "Slices per batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Override
    public Integer call() throws InterruptedException {
        if (threads < 1 || batchSize < 1 || maxUploadMb < 1) {
            throw new CovsegException("--threads, --batch-size and --max-upload-mb must be at least 1");
        }
        int cores = Runtime.getRuntime().availableProcessors();
        ServerSettings settings = ServerSettings.of(bind, port, dataDir, token,
                workers != null ? workers : Math.max(1, cores / threads), queue, maxUploadMb * 1024 * 1024,
                maxVoxels);
        EngineSetup.threads(threads);
        AnalysisModels.Folders folders = AnalysisModels.Folders.chosen(model != null ? model
                : DefaultModels.infection(), multiclassModel, false, detectModel, false);
        StudyAnalyses analyses = new StudyAnalyses(AnalysisModels.open(folders, batchSize), CovsegVersion.number());
        CovsegServer server = CovsegServer.start(settings, analyses, CovsegVersion.number(), System.err);
        PrintWriter out = spec.commandLine().getOut();
        out.println("covseg serve: listening on " + server.url(false) + " (data in " + dataDir.toAbsolutePath()
                .normalize() + ")");
        if (server.tokenGenerated()) {
            out.println("covseg serve: open " + server.url(true));
            out.println("covseg serve: (this token is printed only now; it is kept in " + dataDir.resolve("token")
                    + ")");
        } else {
            out.println("covseg serve: open it and give " + (token != null ? "the --token you set"
                    : "the token kept in " + dataDir.resolve("token")));
        }
        out.println("covseg serve: Ctrl-C stops it; jobs it was running are run again at the next start");
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "covseg-serve-stop"));
        stopped.await();
        return 0;
    }
}
