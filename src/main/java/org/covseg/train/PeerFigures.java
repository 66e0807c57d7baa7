package org.covseg.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.covseg.CovsegException;

/**
 * The official Inf-Net's speed on this machine, as the peer benchmark ({@code ../shared/peer/infnet_peer.py bench})
 * prints it: one JSON line with {@code infer_ms_per_image_b1}, {@code infer_ms_per_image_b4},
 * {@code train_ms_per_image_b4} and {@code threads}, for Inf-Net at width 1.0 and 352 px. Speed claims are ratios
 * against these figures measured in the same session.
 */
public record PeerFigures(double inferenceBatch1Ms, double inferenceBatch4Ms, double trainingBatch4Ms, int threads) {

    /** The configuration the peer measures. */
    public static final double WIDTH = 1.0;
    public static final int SIZE = 352;

    public static PeerFigures read(Path file) {
        JsonNode json;
        try {
            json = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new CovsegException("cannot read the peer figures " + file + ": " + e.getMessage()
                    + " (expected the JSON line infnet_peer.py bench prints)", e);
        }
        return new PeerFigures(milliseconds(json, "infer_ms_per_image_b1", file),
                milliseconds(json, "infer_ms_per_image_b4", file), milliseconds(json, "train_ms_per_image_b4", file),
                json != null && json.path("threads").isInt() ? json.get("threads").asInt() : 0);
    }

    private static double milliseconds(JsonNode json, String key, Path file) {
        JsonNode value = json == null ? null : json.get(key);
        if (value == null || !value.isNumber() || !(value.asDouble() > 0)) {
            throw new CovsegException("the peer figures " + file + " have no positive number \"" + key
                    + "\" (expected the JSON line infnet_peer.py bench prints)");
        }
        return value.asDouble();
    }

    /** covseg's time over the peer's: below 1 covseg is faster. */
    public static double ratio(double covsegMs, double peerMs) {
        return covsegMs / peerMs;
    }
}
