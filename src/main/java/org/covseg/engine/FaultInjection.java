package org.covseg.engine;

import java.util.Arrays;

/**
 * For tests only: {@code COVSEG_TEST_WRONG_NUMERICS=DEFAULT,ONEDNN_SSE41} makes the self-check find those modes
 * wrong, so that the fallback can be tested on a CPU that computes right. Part of the self-check's cache key.
 */
final class FaultInjection {

    static final String VARIABLE = "COVSEG_TEST_WRONG_NUMERICS";

    private FaultInjection() {
    }

    static boolean isWrong(NumericsMode mode) {
        String value = System.getenv(VARIABLE);
        return value != null && Arrays.stream(value.split(",")).map(String::trim).anyMatch(mode.name()::equals);
    }
}
