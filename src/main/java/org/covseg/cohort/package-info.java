/**
 * {@code covseg cohort}: many studies on Apache Spark. The driver lists the studies ({@link
 * org.covseg.cohort.CohortManifest}); each Spark task analyses its studies with the same analysis as
 * {@code covseg analyze} ({@link org.covseg.analysis.StudyAnalyses}, models loaded once per executor JVM by {@link
 * org.covseg.cohort.ExecutorAnalyses}), publishes each study's outputs in one rename with a row file that marks it
 * complete ({@link org.covseg.cohort.StudyTask}); the driver writes the cohort table ({@link
 * org.covseg.cohort.CohortTable}). These classes need Spark on the class path and ship in their own jar,
 * target/covseg-cohort.jar.
 */
package org.covseg.cohort;
