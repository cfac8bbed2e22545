package com.cycube.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.support.jobs.PeriodicJob;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Reading Keycloak's events waits on Keycloak; it runs on a thread of its own, so a Keycloak that hangs never holds back
 * the checkpoints and pruning, which stay on Spring's scheduler (one thread, as Spring Boot configures it).
 */
class KeycloakReadingThreadTest {

    @Test
    void a_hanging_keycloak_read_does_not_hold_back_the_checkpoints() throws Exception {
        CountDownLatch keycloakAnswers = new CountDownLatch(1);
        CountDownLatch reading = new CountDownLatch(1);
        AtomicReference<String> readingThread = new AtomicReference<>();
        PeriodicJob keycloak = AuditSchedule.keycloakEventsReading(() -> {
            readingThread.set(Thread.currentThread().getName());
            reading.countDown();
            try {
                keycloakAnswers.await(10, TimeUnit.SECONDS); // Keycloak does not answer
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, true, Duration.ofMillis(10));
        ThreadPoolTaskScheduler springScheduler = new ThreadPoolTaskScheduler();
        springScheduler.setPoolSize(1);
        springScheduler.initialize();
        CountDownLatch checkpointsMade = new CountDownLatch(3);
        try {
            keycloak.start();
            assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();
            springScheduler.scheduleWithFixedDelay(checkpointsMade::countDown, Duration.ofMillis(10));

            assertThat(checkpointsMade.await(5, TimeUnit.SECONDS)).as("checkpoints went on while Keycloak hung").isTrue();
            assertThat(readingThread.get()).isEqualTo("audit-keycloak-events");
        } finally {
            keycloakAnswers.countDown();
            keycloak.stop();
            springScheduler.shutdown();
        }
    }

    @Test
    void keycloak_is_not_read_on_a_schedule_when_reading_is_off() throws Exception {
        CountDownLatch read = new CountDownLatch(1);
        PeriodicJob keycloak = AuditSchedule.keycloakEventsReading(read::countDown, false, Duration.ofMillis(10));
        keycloak.start();
        try {
            assertThat(read.await(200, TimeUnit.MILLISECONDS)).isFalse();
        } finally {
            keycloak.stop();
        }
    }
}
