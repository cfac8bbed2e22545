package com.cycube.support.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A periodic job runs on a thread of its own: one that hangs holds back no other, one that fails runs again. */
class PeriodicJobTest {

    private static final Duration SOON = Duration.ofMillis(10);

    @Test
    void a_job_that_hangs_holds_back_no_other_job() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch hanging = new CountDownLatch(1);
        CountDownLatch otherRanThreeTimes = new CountDownLatch(3);
        PeriodicJob slow = new PeriodicJob("slow-job", SOON, SOON, () -> {
            hanging.countDown();
            await(release);
        }, true);
        PeriodicJob other = new PeriodicJob("other-job", SOON, SOON, otherRanThreeTimes::countDown, true);
        try {
            slow.start();
            assertThat(hanging.await(5, TimeUnit.SECONDS)).isTrue();
            other.start();

            assertThat(otherRanThreeTimes.await(5, TimeUnit.SECONDS)).as("the other job ran while the slow one hung").isTrue();
        } finally {
            release.countDown();
            slow.stop();
            other.stop();
        }
    }

    @Test
    void each_job_runs_on_a_thread_named_after_it() throws Exception {
        AtomicReference<String> thread = new AtomicReference<>();
        CountDownLatch ran = new CountDownLatch(1);
        PeriodicJob job = new PeriodicJob("audit-keycloak-events", SOON, SOON, () -> {
            thread.set(Thread.currentThread().getName());
            ran.countDown();
        }, true);
        try {
            job.start();
            assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
        } finally {
            job.stop();
        }

        assertThat(thread.get()).isEqualTo("audit-keycloak-events");
    }

    @Test
    void a_run_that_fails_is_followed_by_the_next_one() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch ranAgain = new CountDownLatch(3);
        PeriodicJob job = new PeriodicJob("failing-job", SOON, SOON, () -> {
            runs.incrementAndGet();
            ranAgain.countDown();
            throw new IllegalStateException("the service it calls is down");
        }, true);
        try {
            job.start();

            assertThat(ranAgain.await(5, TimeUnit.SECONDS)).isTrue();
        } finally {
            job.stop();
        }
        assertThat(runs.get()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void a_disabled_job_never_runs_and_a_stopped_one_runs_no_more() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        PeriodicJob disabled = new PeriodicJob("disabled-job", SOON, SOON, runs::incrementAndGet, false);
        disabled.start();
        Thread.sleep(100);
        disabled.stop();
        assertThat(runs.get()).isZero();

        CountDownLatch ran = new CountDownLatch(1);
        PeriodicJob job = new PeriodicJob("stopped-job", SOON, SOON, () -> {
            runs.incrementAndGet();
            ran.countDown();
        }, true);
        job.start();
        assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
        job.stop();
        int afterStop = runs.get();
        Thread.sleep(100);
        assertThat(runs.get()).isEqualTo(afterStop);
        assertThat(job.isRunning()).isFalse();
    }

    @Test
    void an_interval_must_be_positive() {
        assertThatThrownBy(() -> new PeriodicJob("busy-loop", SOON, Duration.ZERO, () -> { }, true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
