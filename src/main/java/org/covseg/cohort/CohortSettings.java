package org.covseg.cohort;

import java.io.Serializable;
import org.covseg.analysis.AnalysisOptions;

/**
 * What every task of a cohort run needs, sent from the driver to the executors.
 *
 * @param outputRoot      where each study's outputs go ({@code studies/<id>/}), a local path or Hadoop URI
 * @param infectionModel  the infection model folder, as every executor sees it
 * @param multiclassModel the multi-class model folder, or null
 * @param detectModel     the detection model folder, or null
 * @param noClassesReason why there is no class split, when multiclassModel is null
 * @param noDetectReason  why there is no detection, when detectModel is null
 * @param options         the analysis options of every study (the manifest's series aside)
 * @param batchSize       slices per network batch
 * @param threadsPerTask  PyTorch threads of each task
 * @param covsegVersion   recorded in each report
 */
public record CohortSettings(String outputRoot, String infectionModel, String multiclassModel, String detectModel,
                             String noClassesReason, String noDetectReason, AnalysisOptions options, int batchSize,
                             int threadsPerTask, String covsegVersion) implements Serializable {
}
