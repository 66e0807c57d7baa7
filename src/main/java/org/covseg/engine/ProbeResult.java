package org.covseg.engine;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Locale;

/**
 * The self-check of one {@link NumericsMode}, made in a process of its own: the battery's errors, the time of a
 * fixed convolution workload, what oneDNN reported about itself (empty when it did not run), and why the probe
 * itself failed (a crash, a timeout), if it did.
 */
public record ProbeResult(NumericsMode mode, List<SelfCheck.CaseResult> cases, double workloadMillis,
        String oneDnn, String isa, List<String> kernels, String failure) {

    public ProbeResult {
        cases = List.copyOf(cases);
        kernels = List.copyOf(kernels);
    }

    static ProbeResult failed(NumericsMode mode, String failure) {
        return new ProbeResult(mode, List.of(), Double.NaN, "", "", List.of(), failure);
    }

    @JsonIgnore
    public boolean passed() {
        return failure == null && !cases.isEmpty() && cases.stream().allMatch(SelfCheck.CaseResult::passed);
    }

    /** The largest error over all cases (infinite for a non-finite result, NaN when nothing ran). */
    @JsonIgnore
    public double maxError() {
        return cases.stream().mapToDouble(c -> Math.max(c.forwardError(), c.inputGradientError())).max()
                .orElse(Double.NaN);
    }

    /** The case with the largest error among those that failed, or null. */
    @JsonIgnore
    public SelfCheck.CaseResult worstCase() {
        return cases.stream().filter(c -> !c.passed())
                .max((a, b) -> Double.compare(Math.max(a.forwardError(), a.inputGradientError()),
                        Math.max(b.forwardError(), b.inputGradientError())))
                .orElse(null);
    }

    /** E.g. "DEFAULT: wrong, error 1.05 in 2x26x22x22 3x3/1 pad 1 -> 26" or "ONEDNN_SSE41: right, workload 29 ms". */
    public String summary() {
        if (failure != null) {
            return mode + ": " + failure;
        }
        SelfCheck.CaseResult worst = worstCase();
        if (worst != null) {
            double error = Math.max(worst.forwardError(), worst.inputGradientError());
            return mode + ": wrong, " + (Double.isFinite(error) ? String.format(Locale.ROOT, "error %.3g", error)
                    : "NaN or infinite values") + " in " + worst.convolution();
        }
        return String.format(Locale.ROOT, "%s: right, workload %.0f ms", mode, workloadMillis);
    }
}
