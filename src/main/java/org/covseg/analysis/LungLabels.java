package org.covseg.analysis;

/** What the values of a user's lung mask mean. */
public enum LungLabels {
    /** 0 outside, any other value lung: covseg tells the right lung from the left itself. */
    BINARY("0 outside, non-zero lung (right and left told apart by covseg)"),
    /** 0 outside, 1 right lung, 2 left lung. */
    SIDES("0 outside, 1 right lung, 2 left lung");

    private final String meaning;

    LungLabels(String meaning) {
        this.meaning = meaning;
    }

    public String meaning() {
        return meaning;
    }
}
