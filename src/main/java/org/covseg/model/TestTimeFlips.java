package org.covseg.model;

import java.util.List;

/**
 * Test-time augmentation by mirroring, as nnU-Net does it: the network also sees mirrored copies of each slice, each
 * output is mirrored back, and the probability maps are averaged. A model's {@code model.json} names it
 * ({@code testTimeFlips}), so every command that runs the model makes the same masks.
 */
public enum TestTimeFlips {
    /** The slice as it is. */
    NONE(List.of(new Mirror(false, false))),
    /** The slice and its left-right mirror image. */
    LEFT_RIGHT(List.of(new Mirror(false, false), new Mirror(true, false))),
    /** The slice and its three mirror images: left-right, top-bottom and both. */
    BOTH_AXES(List.of(new Mirror(false, false), new Mirror(true, false), new Mirror(false, true),
            new Mirror(true, true)));

    /** One copy of the slice: mirrored left-right ({@code x}), top-bottom ({@code y}), both or neither. */
    public record Mirror(boolean x, boolean y) {
    }

    private final List<Mirror> mirrors;

    TestTimeFlips(List<Mirror> mirrors) {
        this.mirrors = mirrors;
    }

    /** The copies the network sees, the slice itself first. */
    public List<Mirror> mirrors() {
        return mirrors;
    }
}
