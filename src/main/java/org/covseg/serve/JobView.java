package org.covseg.serve;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.covseg.analysis.AnalysisOptions;
import org.covseg.analysis.StudyProgress;

/** A job as the API shows it (field names in snake_case on the wire); see openapi.yaml. */
record JobView(String id, String name, String state, String stage, int slicesDone, int slicesTotal, String created,
               String started, String finished, Double queuedSeconds, Double runSeconds, String error,
               String headline, AnalysisOptions options, JobMasks masks, List<FileView> files, Viewer viewer) {

    /** A file a job offers. */
    record FileView(String name, long bytes, String kind) {
    }

    /** The file names the viewer shows; labels is null when the infection was not split into classes. */
    record Viewer(String ct, String lungs, String infection, String labels) {
    }

    static JobView of(StoredJob job, LiveProgress progress, ResultFiles files) {
        StudyProgress.Stage stage = progress == null ? null : progress.stage();
        List<FileView> offered = files.byName().entrySet().stream()
                .map(e -> new FileView(e.getKey(), e.getValue().bytes(),
                        e.getValue().kind().name().toLowerCase(Locale.ROOT)))
                .toList();
        return new JobView(job.id(), job.name(), job.state().wire(),
                stage == null ? null : stage.name().toLowerCase(Locale.ROOT),
                progress == null ? 0 : progress.done(), progress == null ? 0 : progress.total(),
                text(job.created()), text(job.started()), text(job.finished()), seconds(job.created(), job.started()),
                seconds(job.started(), job.finished()), job.error(), job.headline(), job.options(), job.masks(),
                offered, viewer(files));
    }

    private static Viewer viewer(ResultFiles files) {
        String ct = files.byName().entrySet().stream().filter(e -> e.getValue().kind() == ResultFiles.Kind.CT)
                .map(Map.Entry::getKey).findFirst().orElse(null);
        String lungs = files.endingWith("_lungs.nii.gz").orElse(null);
        String infection = files.endingWith("_infection_mask.nii.gz").orElse(null);
        if (ct == null || lungs == null || infection == null) {
            return null;
        }
        return new Viewer(ct, lungs, infection, files.endingWith("_labels.nii.gz").orElse(null));
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }

    private static Double seconds(Instant from, Instant to) {
        return from == null || to == null ? null : Duration.between(from, to).toMillis() / 1000.0;
    }
}
