package org.covseg.engine;

import ai.djl.engine.Engine;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * The self-check of one mode in a fresh process (a mode's instruction-set cap only takes effect before oneDNN's
 * first kernel, so every mode needs a process of its own). Run by {@link ProbeRunner}; prints one result line.
 */
public final class SelfCheckProbe {

    static final String RESULT_PREFIX = "covseg-selfcheck ";

    private SelfCheckProbe() {
    }

    public static void main(String[] args) throws Exception {
        NumericsMode mode = NumericsMode.valueOf(args[0]);
        Engine.getInstance();
        NativeTorch.quietLogs();
        mode.apply();
        List<SelfCheck.CaseResult> cases = SelfCheck.run(SelfCheck.BATTERY, FaultInjection.isWrong(mode));
        Output output = new Output(cases, ConvolutionWorkload.millis());
        System.out.println(RESULT_PREFIX + new ObjectMapper().writeValueAsString(output));
        System.out.flush();
    }

    /** What the probe prints after {@link #RESULT_PREFIX}. */
    record Output(List<SelfCheck.CaseResult> cases, double workloadMillis) {
    }
}
