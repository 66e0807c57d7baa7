package org.covseg.lungs;

/** A lung and its value in a lung mask (0 outside the lungs, 1 right lung, 2 left lung). */
public enum LungSide {
    RIGHT(1),
    LEFT(2);

    private final int label;

    LungSide(int label) {
        this.label = label;
    }

    /** The value of this lung's voxels in a lung mask. */
    public int label() {
        return label;
    }

    public String displayName() {
        return this == RIGHT ? "right lung" : "left lung";
    }
}
