package com.cycube.audit;

import com.cycube.audit.checkpoints.AuditCheckpoints;
import com.cycube.audit.retention.TrailRetention;
import com.cycube.audit.signins.KeycloakEventsPoller;
import com.cycube.support.jobs.PeriodicJob;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The trail's housekeeping by time: a signed checkpoint of every chain that grew, every
 * {@code cycube.audit.checkpoints.interval} (default 15 min), and pruning past the retention every
 * {@code cycube.audit.pruning.interval} (default daily) — each unless its {@code enabled} is false (tests switch both
 * off and call {@link AuditCheckpoints#checkpointAll()} and {@link TrailRetention#prune()} themselves); and Keycloak's
 * sign-in and admin events read every {@code cycube.audit.keycloak.interval} (default 30 s) when
 * {@code cycube.audit.keycloak} is active and {@code scheduled} (tests call {@link KeycloakEventsPoller#poll()}).
 * Reading Keycloak waits on another service (up to its timeouts, page after page), so it runs on a thread of its own
 * ({@link PeriodicJob} {@value #KEYCLOAK_THREAD}): a slow or hanging Keycloak never holds back the checkpoints and
 * pruning on Spring's scheduler.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class AuditSchedule {

    private static final Logger log = LoggerFactory.getLogger(AuditSchedule.class);
    static final String KEYCLOAK_THREAD = "audit-keycloak-events";
    private static final Duration KEYCLOAK_FIRST_READ = Duration.ofSeconds(5);

    private final AuditCheckpoints checkpoints;
    private final TrailRetention retention;
    private final AuditProperties properties;
    private final KeycloakEventsPoller keycloakEvents;

    public AuditSchedule(AuditCheckpoints checkpoints, TrailRetention retention, AuditProperties properties,
                         KeycloakEventsPoller keycloakEvents) {
        this.checkpoints = checkpoints;
        this.retention = retention;
        this.properties = properties;
        this.keycloakEvents = keycloakEvents;
    }

    /** Keycloak's events, read on their own thread ({@value #KEYCLOAK_THREAD}). */
    @Bean
    PeriodicJob keycloakEventsReading() {
        return keycloakEventsReading(keycloakEvents::poll, keycloakEvents.active() && properties.keycloak().scheduled(),
                properties.keycloak().interval());
    }

    /** Reading every {@code interval}, the first time 5 s after the start (sooner when the interval is shorter). */
    static PeriodicJob keycloakEventsReading(Runnable poll, boolean enabled, Duration interval) {
        Duration firstRead = interval.compareTo(KEYCLOAK_FIRST_READ) < 0 ? interval : KEYCLOAK_FIRST_READ;
        return new PeriodicJob(KEYCLOAK_THREAD, firstRead, interval, poll, enabled);
    }

    @Scheduled(fixedDelayString = "${cycube.audit.checkpoints.interval:15m}",
            initialDelayString = "${cycube.audit.checkpoints.interval:15m}")
    void checkpoint() {
        if (!properties.checkpoints().enabled()) {
            return;
        }
        try {
            checkpoints.checkpointAll();
        } catch (RuntimeException e) {
            log.error("Making audit checkpoints failed", e);
        }
    }

    @Scheduled(fixedDelayString = "${cycube.audit.pruning.interval:1d}", initialDelayString = "${cycube.audit.pruning.interval:1d}")
    void prune() {
        if (!properties.pruning().enabled()) {
            return;
        }
        try {
            TrailRetention.Pruned pruned = retention.prune();
            log.info("Audit retention pruned {} records, {} checkpoints, {} alerts", pruned.records(),
                    pruned.checkpoints(), pruned.alerts());
        } catch (RuntimeException e) {
            log.error("Pruning the audit trail failed", e);
        }
    }
}
