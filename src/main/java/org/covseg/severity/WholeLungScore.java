package org.covseg.severity;

/**
 * A score of the whole lungs on a fixed scale (the CT severity score, the total CT score, the MosMed category), not
 * applicable to a single slice. The reports print every score {@link SeverityReport#wholeLungScores} lists, in its
 * order: a new such score is its record, a component of {@link SeverityReport} (its place in report.json) and its
 * entry in that list.
 */
public interface WholeLungScore {

    /** The short name a summary row shows ("CT severity score"). */
    String name();

    /** The full heading, with the scale. */
    String label();

    /** The exact definition, for a report to print. */
    String definition();

    boolean applicable();

    /** Why the score is not applicable, or null when it is. */
    String notApplicableReason();

    /** The score as read, e.g. "19 / 40" or "CT-1"; null when not applicable. */
    String reading();
}
