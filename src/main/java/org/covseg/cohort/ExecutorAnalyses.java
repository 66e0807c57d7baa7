package org.covseg.cohort;

import java.nio.file.Path;
import java.util.Objects;
import org.covseg.analysis.AnalysisModels;
import org.covseg.analysis.StudyAnalyses;
import org.covseg.engine.EngineSetup;

/**
 * The models of one executor JVM, loaded by its first task and reused by every later task of any run with the same
 * model folders (the tasks of one executor share them; inference only reads the weights).
 */
final class ExecutorAnalyses {

    private static StudyAnalyses analyses;
    private static CohortSettings loadedFor;

    private ExecutorAnalyses() {
    }

    static synchronized StudyAnalyses of(CohortSettings s) {
        if (analyses != null && sameModels(loadedFor, s)) {
            return analyses;
        }
        if (analyses != null) {
            analyses.close();
        }
        EngineSetup.threads(s.threadsPerTask());
        AnalysisModels models = AnalysisModels.open(new AnalysisModels.Folders(Path.of(s.infectionModel()),
                path(s.multiclassModel()), s.noClassesReason(), path(s.detectModel()), s.noDetectReason()),
                s.batchSize());
        analyses = new StudyAnalyses(models, s.covsegVersion());
        loadedFor = s;
        return analyses;
    }

    private static boolean sameModels(CohortSettings a, CohortSettings b) {
        return a.infectionModel().equals(b.infectionModel()) && Objects.equals(a.multiclassModel(),
                b.multiclassModel()) && Objects.equals(a.detectModel(), b.detectModel())
                && a.batchSize() == b.batchSize() && a.threadsPerTask() == b.threadsPerTask();
    }

    private static Path path(String p) {
        return p == null ? null : Path.of(p);
    }
}
