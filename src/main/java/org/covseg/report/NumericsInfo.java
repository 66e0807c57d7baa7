package org.covseg.report;

import org.covseg.engine.NumericsMode;

/**
 * How the engine computed the networks of a report: the numerics mode (e.g. {@code ONEDNN_SSE41}) the engine
 * self-check chose on the machine that ran them, and what it means.
 */
public record NumericsInfo(String mode, String description) {

    public static NumericsInfo of(NumericsMode mode) {
        return new NumericsInfo(mode.name(), mode.description());
    }
}
