package org.covseg.severity;

import org.covseg.lungs.LungSide;

/** The five lobes, as approximated geometrically by {@link LungPartition}. */
public enum Lobe {
    RIGHT_UPPER(LungSide.RIGHT, "right upper lobe"),
    RIGHT_MIDDLE(LungSide.RIGHT, "right middle lobe"),
    RIGHT_LOWER(LungSide.RIGHT, "right lower lobe"),
    LEFT_UPPER(LungSide.LEFT, "left upper lobe (with the lingula)"),
    LEFT_LOWER(LungSide.LEFT, "left lower lobe");

    private final LungSide side;
    private final String displayName;

    Lobe(LungSide side, String displayName) {
        this.side = side;
        this.displayName = displayName;
    }

    public LungSide side() {
        return side;
    }

    public String displayName() {
        return displayName;
    }
}
