/**
 * COVID-19 detection from CT, beside the segmentation: {@link org.covseg.detect.SliceDetector} runs a detection
 * model (task "detect", an {@link org.covseg.nn.DetectionNet} in a model folder) on slices and gives each the
 * probability that it is consistent with COVID-19 pneumonia; {@link org.covseg.detect.StudyDetector} runs it on the
 * axial slices of a volume that hold enough lung and aggregates their probabilities
 * ({@link org.covseg.detect.StudyAggregation}) into a {@link org.covseg.detect.StudyDetection}.
 * {@link org.covseg.detect.DetectionEvaluation} scores a detection model on a UCSD COVID-CT dataset, with bootstrap
 * intervals over sources ({@link org.covseg.metrics.DetectionMetrics}). The model is trained by
 * {@code covseg train --task detect}; {@code analysis} runs it when a detection model is there, and {@code report}
 * records its answer.
 */
package org.covseg.detect;
