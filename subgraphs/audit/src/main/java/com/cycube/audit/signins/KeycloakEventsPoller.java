package com.cycube.audit.signins;

import com.cycube.audit.AuditProperties;
import com.cycube.audit.trail.AuditTrailHandler;
import com.cycube.support.contracts.audit.AuditRecorded;
import com.cycube.support.events.DomainEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Brings Keycloak's login and admin events into the trail (ADR 23). Each {@link #poll()} reads both streams from
 * their cursors ({@link SignInCursor}) page by page, oldest first, until a page is not full; every event not stored
 * yet is appended to its organization's chain through {@link AuditTrailHandler} — the path of every
 * {@code audit.Recorded} record, with the id {@code keycloak:<event id>}, so an event is stored once however often it
 * is read, and the security alerts look at it (failed sign-ins). The cursor moves only past events stored, after each
 * page: a crash or a failing Keycloak leaves it where reading resumes.
 * <p>
 * A Keycloak that is down, slow or refusing the reader's credentials never affects the rest of the subgraph: the poll
 * logs it (a warning when it starts failing, one line when it recovers), counts it
 * ({@code cycube_audit_keycloak_failures_total}) and tries again at the next interval. How far behind the trail is
 * — the time since a poll last read a stream to its end — is {@code cycube_audit_keycloak_lag_seconds{stream}}: it
 * must stay well below Keycloak's event expiration (7 days), after which unread events are gone.
 * Does nothing unless {@code cycube.audit.keycloak} is active.
 */
@Component
public class KeycloakEventsPoller {

    private static final Logger log = LoggerFactory.getLogger(KeycloakEventsPoller.class);

    private final AuditProperties.Keycloak settings;
    private final SignInCursorStore cursors;
    private final SignInDirectoryStore directory;
    private final AuditTrailHandler trail;
    private final Clock clock;
    private final KeycloakEventsClient keycloak;
    private final Instant startedAt;
    private final Map<EventStream, Instant> caughtUpAt = new ConcurrentHashMap<>();
    private final Map<EventStream, Boolean> failing = new ConcurrentHashMap<>();
    private final Map<EventStream, Counter> stored = new EnumMap<>(EventStream.class);
    private final Map<EventStream, Counter> failures = new EnumMap<>(EventStream.class);

    public KeycloakEventsPoller(AuditProperties properties, SignInCursorStore cursors, SignInDirectoryStore directory,
                                AuditTrailHandler trail, RestClient.Builder builder, Clock clock, MeterRegistry meters) {
        this.settings = properties.keycloak();
        this.cursors = cursors;
        this.directory = directory;
        this.trail = trail;
        this.clock = clock;
        this.startedAt = clock.instant();
        this.keycloak = settings.active() ? new KeycloakEventsClient(settings, builder, clock) : null;
        if (keycloak == null) {
            return;
        }
        if (settings.clientSecret() == null || settings.clientSecret().isBlank()) {
            log.warn("cycube.audit.keycloak.client-secret (CYCUBE_AUDIT_KEYCLOAK_CLIENT_SECRET) is not set: Keycloak "
                    + "will refuse to hand out events, and sign-ins will be missing from the audit trail");
        }
        for (EventStream stream : EventStream.values()) {
            TimeGauge.builder("cycube.audit.keycloak.lag", this, TimeUnit.SECONDS, poller -> poller.lag(stream).toMillis() / 1000.0)
                    .tag("stream", stream.id())
                    .description("Time since the audit trail last read this Keycloak event stream to its end")
                    .register(meters);
            stored.put(stream, Counter.builder("cycube.audit.keycloak.records").tag("stream", stream.id())
                    .description("Keycloak events stored in the audit trail").register(meters));
            failures.put(stream, Counter.builder("cycube.audit.keycloak.failures").tag("stream", stream.id())
                    .description("Reads of Keycloak events that failed (Keycloak down, refusing, or answering 5xx)")
                    .register(meters));
        }
        log.info("Reading Keycloak's sign-in and admin events from {} (realm {}, client {}) every {}",
                settings.baseUrl(), settings.realm(), settings.clientId(), settings.interval());
    }

    /** Whether this poller reads Keycloak at all ({@code cycube.audit.keycloak} active). */
    public boolean active() {
        return keycloak != null;
    }

    /**
     * Reads both streams up to their current end and stores what is new; a stream that fails is left for the next
     * poll. Never throws for Keycloak's sake.
     *
     * @return how many records were stored, by stream
     */
    public synchronized Map<EventStream, Integer> poll() {
        Map<EventStream, Integer> counts = new EnumMap<>(EventStream.class);
        if (keycloak == null) {
            return counts;
        }
        for (EventStream stream : EventStream.values()) {
            try {
                counts.put(stream, poll(stream));
                if (failing.remove(stream) != null) {
                    log.info("Reading Keycloak {} works again", stream.id());
                }
            } catch (KeycloakEventsClient.KeycloakUnavailable unavailable) {
                counts.put(stream, 0);
                failures.get(stream).increment();
                if (failing.put(stream, Boolean.TRUE) == null) {
                    log.warn("{}; sign-ins wait in Keycloak and are read when it answers again (retrying every {})",
                            unavailable.getMessage(), settings.interval());
                } else {
                    log.debug("Keycloak still unavailable: {}", unavailable.getMessage());
                }
            }
        }
        return counts;
    }

    private int poll(EventStream stream) {
        SignInCursor cursor = cursors.cursor(stream);
        if (cursor.caughtUpAt() != null) {
            caughtUpAt.merge(stream, cursor.caughtUpAt(), (a, b) -> a.isAfter(b) ? a : b);
        }
        long overlap = settings.overlap().toMillis();
        int count = 0;
        while (true) {
            long from = cursor.readFrom(overlap);
            Set<String> seen = cursor.recentIds();
            int max = settings.pageSize() + seen.size();
            List<KeycloakEvent> page = keycloak.read(stream, from, max);
            List<SignInCursor.Seen> added = new ArrayList<>();
            for (KeycloakEvent event : page) {
                String id = SignInRecords.id(event);
                if (event.time() < from || !seen.add(id)) {
                    continue; // before the window asked for, or stored already (in the overlap, or twice in a page)
                }
                store(stream, event, id);
                added.add(new SignInCursor.Seen(id, event.time()));
                count++;
            }
            cursor = cursor.after(added, overlap);
            if (page.size() < max) {
                Instant now = clock.instant();
                cursors.save(stream, cursor.caughtUp(now));
                caughtUpAt.put(stream, now);
                return count;
            }
            cursors.save(stream, cursor);
            if (added.isEmpty()) {
                // a full page of events stored already: Keycloak answered like no Keycloak should (max counts them)
                log.warn("Keycloak returned a full page of {} already read; reading on at the next poll", stream.id());
                return count;
            }
        }
    }

    private void store(EventStream stream, KeycloakEvent event, String id) {
        String user = SignInRecords.subjectUser(stream, event);
        String organizationId = user == null ? null
                : directory.membership(user).map(SignInDirectoryStore.Membership::organizationId).orElse(null);
        AuditRecorded record = SignInRecords.record(stream, event, organizationId);
        DomainEvent typed = DomainEvent.of(organizationId, record.time(), record);
        trail.handle(new DomainEvent(id, typed.type(), typed.orgId(), SignInRecords.SERVICE, typed.occurredAt(),
                typed.payload()));
        stored.get(stream).increment();
    }

    /** How long ago a poll last read {@code stream} to its end (since the poller started, if never). */
    public Duration lag(EventStream stream) {
        Instant since = caughtUpAt.getOrDefault(stream, startedAt);
        Duration lag = Duration.between(since, clock.instant());
        return lag.isNegative() ? Duration.ZERO : lag;
    }
}
