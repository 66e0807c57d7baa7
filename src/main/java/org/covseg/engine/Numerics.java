package org.covseg.engine;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.covseg.CovsegException;

/**
 * The engine self-check's gate: every network covseg runs goes through {@link #ensure} first (managers come from
 * {@link #newManager}). The first time on a CPU, engine and environment, each {@link NumericsMode} is probed in a
 * child process ({@link ProbeRunner}) until one passes ({@link NumericsDecision}); the verdict is cached
 * ({@link VerdictCache}). Every process then applies the chosen mode, re-checks one convolution in-process and says
 * in one line when it is not the default. When no mode passes, networks refuse to run.
 */
public final class Numerics {

    private static NumericsMode active;

    private Numerics() {
    }

    /** The mode this process computes in, checked; the first call loads the engine and may take seconds. */
    public static synchronized NumericsMode ensure() {
        if (active == null) {
            active = establish(System.err);
        }
        return active;
    }

    /** A new base manager of the engine, after {@link #ensure}. */
    public static NDManager newManager() {
        ensure();
        return NDManager.newBaseManager();
    }

    /** Probes every mode afresh (ignoring and then replacing the cached verdict); for {@code covseg doctor}. */
    public static NumericsVerdict checkAllModes() {
        NumericsVerdict verdict = Setting.load().verdict(NumericsDecision.probe(ProbeRunner::run, true));
        VerdictCache.standard().write(verdict);
        return verdict;
    }

    private static NumericsMode establish(PrintStream console) {
        Setting setting = Setting.load();
        VerdictCache cache = VerdictCache.standard();
        NumericsVerdict verdict = cache.readOrMake(setting.key(),
                () -> console.println("covseg: waiting for another covseg process's engine check on this machine..."),
                () -> {
                    console.println("covseg: checking the engine's numerics on this machine (once per CPU and "
                            + "engine)...");
                    return setting.verdict(NumericsDecision.probe(ProbeRunner::run, false));
                });
        NumericsVerdict found = verdict;
        NumericsMode mode = verdict.mode().orElseThrow(() -> new CovsegException(
                "the engine self-check failed in every numerics mode ("
                        + summaries(found) + "): "
                        + "covseg will not run networks on this CPU; 'covseg doctor' shows the details"));
        mode.apply();
        List<SelfCheck.CaseResult> sentinel = SelfCheck.run(SelfCheck.SENTINEL, FaultInjection.isWrong(mode));
        if (!sentinel.stream().allMatch(SelfCheck.CaseResult::passed)) {
            throw new CovsegException("the engine self-check failed in this process (mode " + mode + ", "
                    + sentinel.get(0).convolution() + "), although it passed when the mode was chosen; covseg will "
                    + "not run networks. Run 'covseg doctor' to check this machine again");
        }
        if (mode != NumericsMode.DEFAULT) {
            console.println("covseg: this CPU computes wrong convolutions in PyTorch's default mode (engine "
                    + "self-check); running with " + mode.description() + " instead, which computes them right "
                    + "('covseg doctor' for details)");
        }
        return mode;
    }

    private static String summaries(NumericsVerdict verdict) {
        return String.join("; ", verdict.probes().stream().map(ProbeResult::summary).toList());
    }

    /** The loaded engine on this CPU, and the cache key of its verdict; read once per check. */
    private record Setting(CpuSignature cpu, String engine, String key) {

        /** Loads the engine (its warnings kept off the console) and reads the CPU. */
        static Setting load() {
            String engine = engineName(Engine.getInstance());
            NativeTorch.quietLogs();
            CpuSignature cpu = CpuSignature.ofThisMachine();
            return new Setting(cpu, engine, VerdictCache.key(cpu, engine));
        }

        NumericsVerdict verdict(List<ProbeResult> probes) {
            return new NumericsVerdict(key, cpu.model(), cpu.vectorFlags(), engine, probes,
                    NumericsDecision.choose(probes).orElse(null),
                    Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        }
    }

    /** E.g. "PyTorch 2.7.1 (DJL 0.36.0)". */
    static String engineName(Engine engine) {
        return engine.getEngineName() + " " + engine.getVersion() + " (DJL " + Engine.getDjlVersion() + ")";
    }
}
