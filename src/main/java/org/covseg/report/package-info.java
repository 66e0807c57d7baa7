/**
 * The files covseg writes for people to read, and their wording. For an analysis: {@link
 * org.covseg.report.AnalysisReport} (report.json's schema, written by {@link org.covseg.report.AnalysisJson}),
 * {@link org.covseg.report.AnalysisHtml} (a self-contained report.html) and {@link org.covseg.report.AnalysisPdf}
 * (report.pdf), with key slices drawn by {@link org.covseg.report.SliceOverlay} and the whole volume on one
 * {@link org.covseg.report.OverviewSheet}. For an evaluation: {@link org.covseg.report.EvaluationReport}
 * (metrics.json, per_image.csv, galleries and Dice charts) and {@link org.covseg.report.EvaluationTable}; for a
 * detection model, {@link org.covseg.report.DetectionReport}; for training curves, {@link
 * org.covseg.report.CurveChart}. The numbers come from {@code severity}, {@code metrics}, {@code evaluation} and
 * {@code detect}; {@code analysis} fills in an analysis's report, and nothing here depends on it.
 */
package org.covseg.report;
