/**
 * One study from CT to report, the pipeline {@code covseg analyze}, {@code covseg serve} and {@code covseg cohort}
 * all run. {@link org.covseg.analysis.AnalysisModels} loads the networks once (the infection model, optionally the
 * multi-class and the COVID-19 detection models); {@link org.covseg.analysis.StudyAnalyzer} takes one study from CT
 * to numbers (infection probability on each slice's lung box, the lungs, the split into ground-glass opacity and
 * consolidation by {@link org.covseg.analysis.ClassSplit}, detection, severity) as an
 * {@link org.covseg.analysis.AnalysedStudy}; {@link org.covseg.analysis.StudyOutputs} writes the report and the masks
 * into a folder that appears in one rename. {@link org.covseg.analysis.AnalysisJob} is {@code covseg analyze} itself
 * (one study or a folder of studies), and {@link org.covseg.analysis.StudyAnalyses} the same analysis with the models
 * shared, the entry point of the web service's jobs and the cohort runner's tasks. Masks a user gives
 * ({@link org.covseg.analysis.UserMasks}) replace covseg's own or are compared with them. The steps themselves live
 * in {@code data}, {@code infer}, {@code lungs}, {@code detect} and {@code severity}; the report's files in
 * {@code report}.
 */
package org.covseg.analysis;
