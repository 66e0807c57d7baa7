package org.covseg.analysis;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.covseg.lungs.Framing;
import org.covseg.lungs.LungSegmenter;
import org.covseg.report.ModelInfo;

/**
 * One study's analysis as {@code covseg analyze} runs it ({@link AnalysisJob}), with the models loaded once and
 * shared by every study analysed after (inference only reads the networks' weights): the entry point of the web
 * service's jobs and of the cohort runner's tasks.
 */
public final class StudyAnalyses implements AutoCloseable {

    private final AnalysisModels models;
    private final String covsegVersion;

    public StudyAnalyses(AnalysisModels models, String covsegVersion) {
        this.models = models;
        this.covsegVersion = covsegVersion;
    }

    public List<ModelInfo> models() {
        return models.loaded();
    }

    /** Analyses {@code study} into {@code target} (absent), as {@code covseg analyze} would with these options. */
    public AnalysisJob.Written analyse(Path study, AnalysisOptions options, Path target, StudyProgress progress) {
        return analyse(study, options, UserMasks.NONE, target, progress);
    }

    /** As {@link #analyse(Path, AnalysisOptions, Path, StudyProgress)}, with masks the user gives for the study. */
    public AnalysisJob.Written analyse(Path study, AnalysisOptions options, UserMasks masks, Path target,
            StudyProgress progress) {
        StudyAnalyzer analyzer = models.analyzer(
                new LungSegmenter(options.croppedToLungs() ? Framing.LUNG_BOX : Framing.BODY),
                new StudyAnalyzer.Settings(options.threshold(), options.pixelMm()), masks);
        if (!options.classes()) {
            analyzer = analyzer.withClasses(null, "switched off for this job");
        }
        if (!options.detection()) {
            analyzer = analyzer.withDetection(null, "switched off for this job");
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
