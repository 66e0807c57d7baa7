package org.covseg.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.covseg.CovsegException;
import org.covseg.train.Benchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measures Inf-Net speed on this machine: inference ms per slice at batch 1 and 4, training ms "
                + "per image at batch 4 (forward + backward + Adam step), peak memory and thread settings.",
                "Targets for the official configuration on 2 cores: inference <= 150 ms/slice (batch 4), "
                        + "training <= 450 ms/image. Close other CPU-heavy work first."})
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--width", defaultValue = "1.0", description = "Channel multiplier (default: ${DEFAULT-VALUE}).")
    double width;

    @Option(names = "--size", defaultValue = "352", description = "Input size (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--threads", defaultValue = "2", description = "CPU threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--repetitions", defaultValue = "5",
            description = "Timed repetitions after 2 warm-up runs; the median is reported (default: ${DEFAULT-VALUE}).")
    int repetitions;

    @Override
    public Integer call() {
        if (repetitions < 1 || threads < 1) {
            throw new CovsegException("--repetitions and --threads must be at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("covseg bench: Inf-Net width %s, %dx%d, fp32, %d thread(s); timing...%n", width, size, size,
                threads);
        out.flush();
        Benchmark.Result r = Benchmark.run(CliArguments.infNetConfig(width, size), threads, repetitions);
        out.printf("%-44s %10.1f%n", "inference, batch 1 (ms/slice)", r.inferenceBatch1Ms());
        out.printf("%-44s %10.1f%n", "inference, batch 4 (ms/slice)", r.inferenceBatch4Ms());
        out.printf("%-44s %10.1f%n", "training step, batch 4 (ms/image)", r.trainingBatch4Ms());
        out.printf("%-44s %10.0f%n", "peak resident memory (MB)", r.peakRssBytes() / 1e6);
        out.printf("%-44s %10d%n", "threads (PyTorch intra-op)", r.threads());
        out.printf("%-44s %10s%n", "OMP_WAIT_POLICY", r.ompWaitPolicy());
        out.printf("%-44s %10d%n", "timed repetitions (median)", r.repetitions());
        return 0;
    }
}
