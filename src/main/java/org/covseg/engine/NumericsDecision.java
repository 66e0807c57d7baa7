package org.covseg.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which {@link NumericsMode} to run in: {@link NumericsMode#DEFAULT} when it passes the self-check (the other modes
 * are then not probed); otherwise the first of the other modes that pass, in the enum's order, unless a later one
 * that passes is faster on the measured workload by more than {@link #CLEARLY_FASTER}.
 */
final class NumericsDecision {

    /**
     * How much faster a later right mode's workload must be to be chosen over an earlier one: two right modes timed
     * within a few per cent of each other came out one way and then the other from run to run, so processes on one
     * machine type computed in different modes. {@code ONEDNN_SSE41}, first in order, keeps oneDNN's kernels.
     */
    static final double CLEARLY_FASTER = 0.2;

    private NumericsDecision() {
    }

    /** Probes the modes as needed; the list holds every probe made, the default's first. */
    static List<ProbeResult> probe(Function<NumericsMode, ProbeResult> prober, boolean all) {
        List<ProbeResult> probes = new ArrayList<>();
        for (NumericsMode mode : NumericsMode.values()) {
            if (!all && !probes.isEmpty() && probes.get(0).passed()) {
                break;
            }
            probes.add(prober.apply(mode));
        }
        return probes;
    }

    static Optional<NumericsMode> choose(List<ProbeResult> probes) {
        Optional<ProbeResult> standard = probes.stream().filter(p -> p.mode() == NumericsMode.DEFAULT).findFirst();
        if (standard.isPresent() && standard.get().passed()) {
            return Optional.of(NumericsMode.DEFAULT);
        }
        ProbeResult chosen = null;
        for (ProbeResult probe : probes.stream().filter(ProbeResult::passed)
                .sorted(Comparator.comparing(ProbeResult::mode)).toList()) {
            if (chosen == null || probe.workloadMillis() < (1 - CLEARLY_FASTER) * chosen.workloadMillis()) {
                chosen = probe;
            }
        }
        return Optional.ofNullable(chosen).map(ProbeResult::mode);
    }
}
