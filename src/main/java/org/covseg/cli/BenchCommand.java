package org.covseg.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.covseg.CovsegException;
import org.covseg.nn.SegmentationArchitecture;
import org.covseg.train.Benchmark;
import org.covseg.train.PeerFigures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measures segmentation network speed on this machine: inference ms per slice at batch 1 and 4,"
                + " training ms per image at batch 4 (forward + backward + Adam step), peak memory and thread"
                + " settings, for each network of --arch.",
                "Targets for the official Inf-Net configuration on 2 cores: inference <= 150 ms/slice (batch 4), "
                        + "training <= 450 ms/image. Close other CPU-heavy work first."})
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--arch", defaultValue = "infnet", split = ",", converter = ArchitectureConverter.class,
            description = "Networks to time, comma-separated: infnet, unet, covidsegnet (default: ${DEFAULT-VALUE}).")
    List<SegmentationArchitecture> architectures;

    @Option(names = "--width", defaultValue = "1.0", description = "Channel multiplier (default: ${DEFAULT-VALUE}).")
    double width;

    @Option(names = "--size", defaultValue = "352", description = "Input size (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--threads", defaultValue = "2", description = "CPU threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--repetitions", defaultValue = "5",
            description = "Timed repetitions after 2 warm-up runs; the median is reported (default: ${DEFAULT-VALUE}).")
    int repetitions;

    @Option(names = "--peer", paramLabel = "<json>",
            description = "The official Inf-Net's figures from ../shared/peer/infnet_peer.py bench, measured in the"
                    + " same session: prints covseg's time over the peer's for Inf-Net width 1.0 at 352 px.")
    Path peerFile;

    @Override
    public Integer call() {
        if (repetitions < 1 || threads < 1) {
            throw new CovsegException("--repetitions and --threads must be at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        PeerFigures peer = peerFile == null ? null : PeerFigures.read(peerFile);
        for (SegmentationArchitecture architecture : architectures) {
            CliArguments.requireNetwork(architecture, width, size);
            out.printf("covseg bench: %s width %s, %dx%d, fp32, %d thread(s); timing...%n", architecture.modelName(),
                    width, size, size, threads);
            out.flush();
            Benchmark.Result r = Benchmark.run(architecture, width, size, threads, repetitions);
            out.printf("%-44s %10.1f%n", "inference, batch 1 (ms/slice)", r.inferenceBatch1Ms());
            out.printf("%-44s %10.1f%n", "inference, batch 4 (ms/slice)", r.inferenceBatch4Ms());
            out.printf("%-44s %10.1f%n", "training step, batch 4 (ms/image)", r.trainingBatch4Ms());
            out.printf("%-44s %10.0f%n", "peak resident memory (MB)", r.peakRssBytes() / 1e6);
            out.printf("%-44s %10d%n", "threads (PyTorch intra-op)", r.threads());
            out.printf("%-44s %10s%n", "OMP_WAIT_POLICY", r.ompWaitPolicy());
            out.printf("%-44s %10s%n", "malloc (COVSEG_MALLOC=tcmalloc preloads it)", allocator());
            out.printf("%-44s %10d%n", "timed repetitions (median)", r.repetitions());
            out.printf("%-44s %10s%n", "numerics mode (engine self-check)", r.numerics());
            if (peer != null) {
                ratios(out, r, peer);
            }
        }
        return 0;
    }

    private static void ratios(PrintWriter out, Benchmark.Result r, PeerFigures peer) {
        if (r.architecture() != SegmentationArchitecture.INFNET || r.width() != PeerFigures.WIDTH
                || r.inputSize() != PeerFigures.SIZE) {
            out.printf("no ratios: the peer figures are for Inf-Net width %s at %d px%n", PeerFigures.WIDTH,
                    PeerFigures.SIZE);
            return;
        }
        if (peer.threads() != r.threads()) {
            out.printf("note: the peer ran %d thread(s), covseg %d%n", peer.threads(), r.threads());
        }
        out.printf("%-44s %10.2f  (peer %.1f ms)%n", "covseg / peer, inference batch 1",
                PeerFigures.ratio(r.inferenceBatch1Ms(), peer.inferenceBatch1Ms()), peer.inferenceBatch1Ms());
        out.printf("%-44s %10.2f  (peer %.1f ms)%n", "covseg / peer, inference batch 4",
                PeerFigures.ratio(r.inferenceBatch4Ms(), peer.inferenceBatch4Ms()), peer.inferenceBatch4Ms());
        out.printf("%-44s %10.2f  (peer %.1f ms)%n", "covseg / peer, training step batch 4",
                PeerFigures.ratio(r.trainingBatch4Ms(), peer.trainingBatch4Ms()), peer.trainingBatch4Ms());
    }

    /** tcmalloc when the launcher preloaded it (COVSEG_MALLOC=tcmalloc), else glibc's malloc. */
    private static String allocator() {
        String preload = System.getenv("LD_PRELOAD");
        return preload != null && preload.contains("tcmalloc") ? "tcmalloc" : "glibc";
    }
}
