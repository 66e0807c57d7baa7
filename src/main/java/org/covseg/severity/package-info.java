/**
 * Severity scoring of one scan or slice from a lung mask (0 outside, 1 right, 2 left) and an infection mask on the
 * same grid ({@link org.covseg.severity.SeverityInput}). {@link org.covseg.severity.SeverityScorer} is a pure
 * function of that input and returns a {@link org.covseg.severity.SeverityReport}: the percentage of infection per
 * lung and class ({@link org.covseg.severity.PercentageOfInfection}), the finding flag
 * ({@link org.covseg.severity.Finding}, by a {@link org.covseg.severity.FindingRule}), the 0-40 CT severity score and
 * the 0-25 total CT score ({@link org.covseg.severity.CtSeverityScore}, {@link org.covseg.severity.TotalCtScore}, on
 * the geometric regions and lobes of {@link org.covseg.severity.LungPartition}, not anatomical ones) and the MosMed
 * category ({@link org.covseg.severity.MosmedCategory}). Each score carries its label and exact definition for a
 * report to print; how a report lays them out and words the rest lives in {@code report}. It reads no file and
 * writes none: of covseg it uses only {@code image} and {@link org.covseg.lungs.LungSide}.
 */
package org.covseg.severity;
