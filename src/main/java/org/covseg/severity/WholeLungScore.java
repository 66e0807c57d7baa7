package org.covseg.severity;

/**
 * A score of the whole lungs on a fixed scale (the CT severity score, the total CT score, the MosMed category), not
 * applicable to a single slice. The reports print every score {@link SeverityReport#wholeLungScores} lists, in its
 * order, and the agreement and cohort tables give each its column by {@link #key}: a new such score is its record, a
 * component of {@link SeverityReport} (its place in report.json) and its entries in that list and in
 * {@link SeverityReport#WHOLE_LUNG_SCORE_KEYS}.
 */
public interface WholeLungScore {

    /** The score's stable name in tables and report.json, in lowerCamelCase ("ctSeverityScore"). */
    String key();

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

    /** The score as a whole number on its scale (19 for "19 / 40", 1 for "CT-1"); null when not applicable. */
    Integer value();
}
