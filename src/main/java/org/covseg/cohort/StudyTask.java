package org.covseg.cohort;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.covseg.CovsegException;
import org.covseg.analysis.AnalysisJob;
import org.covseg.analysis.AnalysisOptions;
import org.covseg.analysis.StudyProgress;

/**
 * A Spark task: analyses its studies one after the other, each as {@code covseg analyze} would, and gives one row
 * per study. A study whose outputs are complete is not analysed again; a study that cannot be analysed is a row
 * with its one-line error, never a failed task.
 */
final class StudyTask implements FlatMapFunction<Iterator<CohortStudy>, CohortRow> {

    private final CohortSettings settings;

    StudyTask(CohortSettings settings) {
        this.settings = settings;
    }

    @Override
    public Iterator<CohortRow> call(Iterator<CohortStudy> studies) {
        List<CohortRow> rows = new ArrayList<>();
        studies.forEachRemaining(s -> rows.add(analyse(s)));
        return rows.iterator();
    }

    CohortRow analyse(CohortStudy study) {
        long t0 = System.nanoTime();
        StudyStore store = new StudyStore(settings.outputRoot());
        Path work = null;
        try {
            Optional<CohortRow> done = store.complete(study.id());
            if (done.isPresent()) {
                return done.get().reusedAs();
            }
            store.clearPartials(study.id());
            work = Files.createTempDirectory("covseg-cohort-");
            Path input = store.localInput(study.path(), work);
            Path out = store.unpublished(study.id(), work);
            AnalysisJob.Written written = ExecutorAnalyses.of(settings).analyse(input, withSeries(study.series()),
                    out, StudyProgress.NONE);
            CohortRow row = CohortRow.of(study, written.report(), written.scan().volumes().get(0).metadata(),
                    seconds(t0), store.location(study.id()));
            if (!store.publish(out, row)) {
                return store.complete(study.id()).map(CohortRow::reusedAs).orElseThrow(() -> new CovsegException(
                        "another attempt at this study left its outputs incomplete; run the cohort again"));
            }
            return row;
        } catch (CovsegException e) {
            return CohortRow.failed(study, e.getMessage(), seconds(t0));
        } catch (IOException | RuntimeException e) {
            return CohortRow.failed(study, "internal error (a bug in covseg, or the file system): " + e, seconds(t0));
        } finally {
            if (work != null) {
                StudyStore.deleteLocal(work);
            }
        }
    }

    private AnalysisOptions withSeries(String series) {
        AnalysisOptions o = settings.options();
        return series == null ? o : new AnalysisOptions(series, o.threshold(), o.pixelMm(), o.classes(),
                o.detection(), o.pdf(), o.croppedToLungs(), o.rewindow(), o.orientation());
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
