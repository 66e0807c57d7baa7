package org.covseg.serve;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.covseg.analysis.AnalysisJob;
import org.covseg.analysis.AnalysisModels;
import org.covseg.analysis.StudyAnalyzer;
import org.covseg.analysis.StudyProgress;
import org.covseg.analysis.UserMasks;
import org.covseg.lungs.Framing;
import org.covseg.lungs.LungSegmenter;
import org.covseg.report.ModelInfo;

/**
 * The analysis every job runs: {@code covseg analyze}'s own ({@link AnalysisJob}), with the models loaded once when
 * the server starts and shared by all jobs (inference only reads the networks' weights).
 */
public final class StudyAnalyses implements AutoCloseable {

    private final AnalysisModels models;
    private final String covsegVersion;

    public StudyAnalyses(AnalysisModels models, String covsegVersion) {
        this.models = models;
        this.covsegVersion = covsegVersion;
    }

    List<ModelInfo> models() {
        return models.loaded();
    }

    /** Analyses {@code study} into {@code target} (absent), as {@code covseg analyze} would with these options. */
    AnalysisJob.Written analyse(Path study, JobOptions options, Path target, StudyProgress progress) {
        StudyAnalyzer analyzer = models.analyzer(
                new LungSegmenter(options.croppedToLungs() ? Framing.LUNG_BOX : Framing.BODY),
                new StudyAnalyzer.Settings(options.threshold(), options.pixelMm()), UserMasks.NONE);
        if (!options.classes()) {
            analyzer = analyzer.withClasses(null, "not run (switched off for this job)");
        }
        if (!options.detection()) {
            analyzer = analyzer.withDetection(null, "not run (switched off for this job)");
        }
        AnalysisJob.Request request = new AnalysisJob.Request(study, target, options.series(), covsegVersion,
                options.pdf(), options.rewindow(), options.orientation());
        // the notes it prints are in the report too
        PrintWriter notes = new PrintWriter(new StringWriter());
        return new AnalysisJob(analyzer).analyse(study, request, target, progress, notes);
    }

    @Override
    public void close() {
        models.close();
    }
}
