package org.covseg.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.covseg.analysis.AnalysisOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobStoreTest {

    @TempDir
    Path tmp;

    @Test
    void jobsSurviveReopeningAndRunningOnesAreQueuedAgain() {
        Instant t0 = Instant.ofEpochMilli(1_000);
        try (JobStore store = JobStore.open(tmp)) {
            store.insert(queued("aaaaaaaaaaaaaaaaaaaaaaaaaa", t0));
            store.insert(queued("bbbbbbbbbbbbbbbbbbbbbbbbbb", t0.plusSeconds(1)));
            store.insert(queued("cccccccccccccccccccccccccc", t0.plusSeconds(2)));
            assertThat(store.start("aaaaaaaaaaaaaaaaaaaaaaaaaa", t0.plusSeconds(3))).isTrue();
            assertThat(store.start("aaaaaaaaaaaaaaaaaaaaaaaaaa", t0.plusSeconds(3))).as("already running").isFalse();
            store.finish("aaaaaaaaaaaaaaaaaaaaaaaaaa", t0.plusSeconds(9), "infection 5.0% of the lungs");
            store.start("bbbbbbbbbbbbbbbbbbbbbbbbbb", t0.plusSeconds(9));
        }
        try (JobStore store = JobStore.open(tmp)) {
            assertThat(store.requeueRunning()).isEqualTo(1);
            assertThat(store.inState(JobState.QUEUED)).extracting(StoredJob::id)
                    .containsExactly("bbbbbbbbbbbbbbbbbbbbbbbbbb", "cccccccccccccccccccccccccc");
            StoredJob done = store.get("aaaaaaaaaaaaaaaaaaaaaaaaaa").orElseThrow();
            assertThat(done.state()).isEqualTo(JobState.DONE);
            assertThat(done.headline()).isEqualTo("infection 5.0% of the lungs");
            assertThat(done.finished()).isEqualTo(t0.plusSeconds(9));
            assertThat(done.options()).isEqualTo(AnalysisOptions.DEFAULTS);
            assertThat(store.all()).extracting(StoredJob::id).first().isEqualTo("cccccccccccccccccccccccccc");
            store.fail("cccccccccccccccccccccccccc", t0.plusSeconds(10), "unreadable");
            assertThat(store.get("cccccccccccccccccccccccccc").orElseThrow().error()).isEqualTo("unreadable");
            assertThat(store.delete("cccccccccccccccccccccccccc")).isTrue();
            assertThat(store.delete("cccccccccccccccccccccccccc")).isFalse();
        }
    }

    private static StoredJob queued(String id, Instant created) {
        return new StoredJob(id, "scan.nii.gz", JobState.QUEUED, AnalysisOptions.DEFAULTS, JobMasks.NONE,
                "input/scan.nii.gz", created,
                null, null, null, null);
    }
}
