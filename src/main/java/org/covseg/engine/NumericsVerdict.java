package org.covseg.engine;

import java.util.List;
import java.util.Optional;

/**
 * The self-check's verdict for one CPU, engine and environment: every probe made and the mode chosen (none when no
 * mode passed). Cached by {@link VerdictCache}.
 */
public record NumericsVerdict(String key, String cpu, String cpuFlags, String engine, List<ProbeResult> probes,
        NumericsMode chosen, String checkedAt) {

    public NumericsVerdict {
        probes = List.copyOf(probes);
    }

    public Optional<NumericsMode> mode() {
        return Optional.ofNullable(chosen);
    }

    /** The probe of {@code mode}, if it was made. */
    public Optional<ProbeResult> probe(NumericsMode mode) {
        return probes.stream().filter(p -> p.mode() == mode).findFirst();
    }
}
