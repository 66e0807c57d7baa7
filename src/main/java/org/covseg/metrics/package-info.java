/**
 * The metrics, computed from arrays in memory (no files, no network engine): the Inf-Net evaluation protocol
 * reproduced step for step from the official MATLAB tool ({@link org.covseg.metrics.InfNetProtocol}, with
 * {@link org.covseg.metrics.SMeasure} and {@link org.covseg.metrics.EMeasure}: meanDic, meanSen, meanSpe, Sm, meanEm
 * and MAE over 256 thresholds); plain scores at one threshold ({@link org.covseg.metrics.Overlap}: Dice, IoU,
 * precision, recall; {@link org.covseg.metrics.HausdorffDistance}: HD95); their accumulation over images and classes
 * ({@link org.covseg.metrics.Evaluation}, {@link org.covseg.metrics.PerClassEvaluation}); image-level detection
 * metrics ({@link org.covseg.metrics.DetectionMetrics}, {@link org.covseg.metrics.RocAuc}); and percentile bootstrap
 * intervals ({@link org.covseg.metrics.Bootstrap}). Of covseg it uses only {@code image}; {@code evaluation} runs it
 * over prediction pairs and {@code report} writes its results.
 */
package org.covseg.metrics;
