/**
 * {@code covseg serve}: the HTTP service and its web viewer. Uploads are checked
 * ({@link org.covseg.serve.UploadIntake})
 * and queued as jobs kept in an embedded SQLite database ({@link org.covseg.serve.JobStore}); a bounded pool of
 * workers ({@link org.covseg.serve.JobRunner}) runs each through the same analysis {@code covseg analyze} runs, with
 * the models loaded once ({@link org.covseg.analysis.StudyAnalyses}); {@link org.covseg.serve.CovsegServer} wires the
 * REST API, its server-sent progress events and the static web UI.
 */
package org.covseg.serve;
