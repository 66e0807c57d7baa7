package org.covseg.cli;

import java.util.stream.Collectors;
import org.covseg.CovsegException;
import org.covseg.nn.NetworkSize;
import org.covseg.nn.SegmentationArchitecture;
import org.covseg.nn.UNetConfig;
import picocli.CommandLine.Model.CommandSpec;

/** Turns option values that lower packages validate with IllegalArgumentException into user errors. */
final class CliArguments {

    private CliArguments() {
    }

    static NetworkSize networkSize(double width, int size) {
        try {
            return new NetworkSize(width, size);
        } catch (IllegalArgumentException e) {
            throw new CovsegException("--width/--size: " + e.getMessage(), e);
        }
    }

    /** Checks that {@code architecture} accepts this width and input size. */
    static void requireNetwork(SegmentationArchitecture architecture, double width, int size) {
        try {
            architecture.build(width, size);
        } catch (IllegalArgumentException e) {
            throw new CovsegException("--width/--size: " + e.getMessage(), e);
        }
    }

    /** The command line that made a run, as recorded in its model: without {@code --resume}, which is how it ran. */
    static String recipe(CommandSpec spec) {
        return "covseg " + spec.commandLine().getParseResult().originalArgs().stream()
                .filter(a -> !a.equals("--resume")).collect(Collectors.joining(" "));
    }

    static UNetConfig unetConfig(double width, int size) {
        try {
            return UNetConfig.multiclass(width, size);
        } catch (IllegalArgumentException e) {
            throw new CovsegException("--width/--size: " + e.getMessage(), e);
        }
    }
}
