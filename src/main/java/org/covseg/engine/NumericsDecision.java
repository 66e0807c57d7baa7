package org.covseg.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which {@link NumericsMode} to run in: {@link NumericsMode#DEFAULT} when it passes the self-check (the other modes
 * are then not probed), otherwise the fastest of the other modes that pass, by their measured workload time.
 */
final class NumericsDecision {

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
        return probes.stream().filter(ProbeResult::passed)
                .min(Comparator.comparingDouble(ProbeResult::workloadMillis))
                .map(ProbeResult::mode);
    }
}
