package org.covseg.nn;

/** The channel multiplier of a network configuration: its valid range and how it scales official channel counts. */
final class NetworkWidth {

    private NetworkWidth() {
    }

    static void require(String network, double width) {
        if (!(width >= 0.05 && width <= 4)) {
            throw new IllegalArgumentException(network + " width must be in [0.05, 4], got " + width);
        }
    }

    /** The channel count at {@code width} where the official network has {@code official} (at least 1). */
    static int channels(int official, double width) {
        return Math.max(1, (int) Math.round(official * width));
    }
}
