package org.covseg.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.covseg.CovsegException;
import org.junit.jupiter.api.Test;

class BesideTaskTest {

    @Test
    void givesWhatTheTaskReturnedFromItsOwnThread() {
        try (BesideTask<String> task = BesideTask.start("covseg-test-beside", () -> Thread.currentThread().getName())) {
            assertThat(task.result()).isEqualTo("covseg-test-beside");
        }
    }

    @Test
    void throwsTheTasksFailureAsItWasThrown() {
        CovsegException failure = new CovsegException("the network gave NaN");
        try (BesideTask<String> task = BesideTask.start("covseg-test-beside", () -> {
            throw failure;
        })) {
            assertThatThrownBy(task::result).isSameAs(failure);
        }
    }

    @Test
    void aCallerThatFailsWaitsForTheTaskAndKeepsItsFailureAsSuppressed() {
        AtomicBoolean ended = new AtomicBoolean();
        CovsegException taskFailure = new CovsegException("the class split failed");
        CovsegException callerFailure = new CovsegException("no lung found");
        CountDownLatch callerFailed = new CountDownLatch(1);
        assertThatThrownBy(() -> {
            try (BesideTask<String> task = BesideTask.start("covseg-test-beside", () -> {
                callerFailed.await();
                Thread.sleep(100);
                ended.set(true);
                throw taskFailure;
            })) {
                callerFailed.countDown();
                throw callerFailure;
            }
        }).isSameAs(callerFailure).satisfies(e -> assertThat(e.getSuppressed()).containsExactly(taskFailure));
        assertThat(ended).isTrue();
    }

    @Test
    void anUnreportedFailureIsThrownOnClosing() {
        CovsegException failure = new CovsegException("the class split failed");
        assertThatThrownBy(() -> {
            try (BesideTask<String> task = BesideTask.start("covseg-test-beside", () -> {
                throw failure;
            })) {
                assertThat(task).isNotNull();
            }
        }).isSameAs(failure);
    }

    @Test
    void anInterruptedCallerStillWaitsForTheResultAndKeepsItsInterrupt() {
        CountDownLatch waiting = new CountDownLatch(1);
        try (BesideTask<String> task = BesideTask.start("covseg-test-beside", () -> {
            waiting.await();
            Thread.sleep(100);
            return "done";
        })) {
            Thread.currentThread().interrupt();
            waiting.countDown();
            assertThat(task.result()).isEqualTo("done");
            assertThat(Thread.interrupted()).isTrue();
        }
    }
}
