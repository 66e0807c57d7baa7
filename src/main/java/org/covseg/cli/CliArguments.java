package org.covseg.cli;

import org.covseg.CovsegException;
import org.covseg.nn.InfNetConfig;
import org.covseg.nn.UNetConfig;

/** Turns option values that lower packages validate with IllegalArgumentException into user errors. */
final class CliArguments {

    private CliArguments() {
    }

    static InfNetConfig infNetConfig(double width, int size) {
        try {
            return new InfNetConfig(width, size);
        } catch (IllegalArgumentException e) {
            throw new CovsegException("--width/--size: " + e.getMessage(), e);
        }
    }

    static UNetConfig unetConfig(double width, int size) {
        try {
            return UNetConfig.multiclass(width, size);
        } catch (IllegalArgumentException e) {
            throw new CovsegException("--width/--size: " + e.getMessage(), e);
        }
    }
}
