package org.covseg.nn;

/**
 * The five logits maps of {@link InfNet}'s forward pass, in the order of the returned NDList (the order of the
 * official {@code forward}'s return value). All are at the input size; inference uses {@link #MAP2}.
 */
public enum InfNetOutput {
    /** The partial decoder's global map (from stride 8). */
    MAP5("lateral_map_5"),
    /** After reverse attention on stage 4 (stride 32). */
    MAP4("lateral_map_4"),
    /** After reverse attention on stage 3 (stride 16). */
    MAP3("lateral_map_3"),
    /** After reverse attention on stage 2 (stride 8): the segmentation. */
    MAP2("lateral_map_2"),
    /** The edge branch (stride 4), supervised with edge maps. */
    EDGE("lateral_edge");

    private final String officialName;

    InfNetOutput(String officialName) {
        this.officialName = officialName;
    }

    /** The position of this map in the forward pass's NDList. */
    public int index() {
        return ordinal();
    }

    /** The variable name in the official code. */
    public String officialName() {
        return officialName;
    }
}
