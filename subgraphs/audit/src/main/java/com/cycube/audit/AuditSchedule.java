package com.cycube.audit;

import com.cycube.audit.checkpoints.AuditCheckpoints;
import com.cycube.audit.retention.TrailRetention;
import com.cycube.audit.signins.KeycloakEventsPoller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class AuditSchedule {

    private static final Logger log = LoggerFactory.getLogger(AuditSchedule.class);

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

    @Scheduled(fixedDelayString = "${cycube.audit.keycloak.interval:30s}", initialDelayString = "5s")
    void readKeycloakEvents() {
        if (!keycloakEvents.active() || !properties.keycloak().scheduled()) {
            return;
        }
        try {
            keycloakEvents.poll();
        } catch (RuntimeException e) {
            log.error("Storing Keycloak's events in the audit trail failed; reading again at the next interval", e);
        }
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
