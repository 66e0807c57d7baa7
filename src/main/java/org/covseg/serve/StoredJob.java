package org.covseg.serve;

import java.time.Instant;
import org.covseg.analysis.AnalysisOptions;

/**
 * A job as the database keeps it.
 *
 * @param masks    the masks the upload brought (file names in the job's folder)
 * @param input    the upload inside the job's folder ({@link JobFolders}): a file or a folder, relative
 * @param started  null until a worker took it
 * @param finished null until it is done or failed
 * @param error    the one-line reason a failed job failed, else null
 * @param headline the result in one line once done, else null
 */
record StoredJob(String id, String name, JobState state, AnalysisOptions options, JobMasks masks, String input,
                 Instant created, Instant started, Instant finished, String error, String headline) {
}
