package org.covseg.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.covseg.engine.Numerics;
import org.covseg.engine.NumericsVerdict;
import org.covseg.engine.ProbeResult;
import org.covseg.engine.SelfCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Checks that this machine's deep-learning engine computes right: runs the engine self-check "
                + "(convolutions and their input gradients, batch 2, channel counts such as 13, 26 and 104, against a "
                + "float64 reference) in every numerics mode, each in a fresh process, and prints the CPU, the engine "
                + "and oneDNN versions, each mode's result and timing, and the mode covseg will use.",
                "Other commands run the same check once per CPU and engine and reuse its verdict; this command "
                        + "refreshes it. Exit code 1 when no mode computes right."})
final class DoctorCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.println("covseg doctor: checking every numerics mode, each in a fresh process...");
        out.flush();
        NumericsVerdict verdict = Numerics.checkAllModes();
        out.printf("%-14s %s%n", "cpu", verdict.cpu());
        out.printf("%-14s %s%n", "vector flags", verdict.cpuFlags());
        out.printf("%-14s %s%n", "engine", verdict.engine());
        verdict.probes().stream().filter(p -> !p.oneDnn().isEmpty()).findFirst().ifPresent(p -> {
            out.printf("%-14s %s%n", "oneDNN", p.oneDnn());
            out.printf("%-14s %s%n", "oneDNN isa", p.isa());
        });
        out.printf("%-14s max |error| <= %.0e against float64, %d convolutions, forward and input gradient%n",
                "self-check", SelfCheck.TOLERANCE, verdict.probes().get(0).cases().size());
        for (ProbeResult probe : verdict.probes()) {
            out.printf("%-14s %-6s %s%n", probe.mode(), probe.passed() ? "right" : "WRONG", details(probe));
        }
        out.printf("%-14s %s%n", "covseg uses", verdict.mode()
                .map(m -> m + " (" + m.description() + ")")
                .orElse("nothing: no mode computes right, covseg will not run networks on this machine"));
        return verdict.mode().isPresent() ? 0 : 1;
    }

    private static String details(ProbeResult probe) {
        if (probe.failure() != null) {
            return probe.failure();
        }
        String kernels = probe.kernels().isEmpty() ? "PyTorch kernels" : String.join(", ", probe.kernels());
        return String.format(Locale.ROOT, "max error %.2g, workload %.0f ms, convolution kernels: %s%s",
                probe.maxError(), probe.workloadMillis(), kernels,
                probe.passed() ? "" : "; worst: " + probe.worstCase().convolution());
    }
}
