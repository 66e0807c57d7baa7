package org.covseg.severity;

/**
 * A whole-lung score that sums the scores of lung parts (regions, lobes) up to a maximum: read as "total / maximum".
 */
public interface SummedScore extends WholeLungScore {

    /** The sum, or null when not applicable. */
    Integer total();

    int maximum();

    @Override
    default Integer value() {
        return total();
    }

    @Override
    default String reading() {
        return applicable() ? total() + " / " + maximum() : null;
    }
}
