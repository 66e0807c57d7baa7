/**
 * Scoring segmentation results against ground truth, whatever produced them: {@link
 * org.covseg.evaluation.EvaluationRun} takes {@link org.covseg.evaluation.PredictionPair}s (a probability map and a
 * binary mask of the same size, per image and class) and gives each class's {@link
 * org.covseg.metrics.Evaluation} rows and summary, plus the worst and best cases for a gallery.
 * {@link org.covseg.evaluation.PredictionFolders} makes the pairs from folders of saved maps and masks.
 * The metrics themselves live in {@link org.covseg.metrics}; the files written about a run in
 * {@code org.covseg.report}.
 */
package org.covseg.evaluation;
