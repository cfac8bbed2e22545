package com.cycube.support.access;

import static com.cycube.support.access.AccessStatusHandler.ACTIVE;
import static com.cycube.support.access.AccessStatusHandler.CHANGED_AT;
import static com.cycube.support.access.AccessStatusHandler.COLLECTION;
import static com.cycube.support.access.AccessStatusHandler.KIND;
import static com.cycube.support.access.AccessStatusHandler.ORGANIZATION;
import static com.cycube.support.access.AccessStatusHandler.ORGANIZATION_KIND;
import static com.cycube.support.access.AccessStatusHandler.ROLE;
import static com.cycube.support.access.AccessStatusHandler.USER;
import static com.cycube.support.access.AccessStatusHandler.VERSION;
import static com.cycube.support.access.AccessStatusHandler.WATCHED;

import com.cycube.support.auth.Caller;
import com.cycube.support.auth.Role;
import com.cycube.support.errors.DomainException;
import com.cycube.support.errors.RefusalReason;
import com.cycube.support.jobs.PeriodicJob;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Whether a caller's token still grants what it claims, answered from memory on every request and for every open
 * stream: refused when the token expired, the account or its organization was deactivated, the person now has a lower
 * role than the token claims, or belongs to another organization. What it knows comes from
 * {@link AccessStatusHandler}'s collection, re-read every {@code cycube.access.refresh-interval} (1 s) — so every
 * instance of every subgraph learns a deactivation within about a second of its event reaching the subgraph.
 *
 * <p>Changes are also pushed to {@link #changes()} (the keys {@code user:<id>} / {@code organization:<id>}), which
 * {@link LiveAccess} follows to end the streams they affect.
 */
public class AccessRevocations implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AccessRevocations.class);
    /** How far back each refresh looks again: another instance's clock, or a slow write, may lag this much. */
    static final Duration OVERLAP = Duration.ofSeconds(30);

    /** What a watched user may still do. */
    record UserAccess(boolean active, Role role, String organizationId, long version) {
    }

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration interval;
    private final boolean enabled;
    private final Map<String, UserAccess> watchedUsers = new ConcurrentHashMap<>();
    private final Set<String> deactivatedOrganizations = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> organizationVersions = new ConcurrentHashMap<>();
    private final Sinks.Many<String> changes = Sinks.many().multicast().directBestEffort();
    private PeriodicJob refresher;
    private Instant readUpTo = Instant.EPOCH;
    private boolean started;

    /**
     * {@code enabled} false ({@code cycube.access.revocations.enabled}): only token expiry is checked. For the subgraphs'
     * own integration tests, whose personas are deactivated and demoted by one test and needed intact by the next.
     */
    public AccessRevocations(MongoTemplate mongo, Clock clock, Duration interval, boolean enabled) {
        this.mongo = mongo;
        this.clock = clock;
        this.interval = interval;
        this.enabled = enabled;
    }

    /**
     * Why {@code caller} may no longer act, if it may not: UNAUTHENTICATED with a message the client can act on (sign
     * in again) and a {@link RefusalReason} for the audit trail. Anonymous callers and root's organization-less tokens are only checked for what applies to them.
     */
    public Optional<DomainException> refusal(Caller caller) {
        if (!caller.isAuthenticated()) {
            return Optional.empty();
        }
        if (caller.expiresAt() != null && !clock.instant().isBefore(caller.expiresAt())) {
            return Optional.of(DomainException.unauthenticated("The access token expired: sign in again",
                    RefusalReason.TOKEN_EXPIRED));
        }
        if (caller.organizationId().map(deactivatedOrganizations::contains).orElse(false)) {
            return Optional.of(DomainException.unauthenticated("The organization is deactivated",
                    RefusalReason.ORGANIZATION_DEACTIVATED));
        }
        UserAccess user = caller.kind() == Caller.Kind.PERSON ? watchedUsers.get(caller.subject()) : null;
        if (user == null) {
            return Optional.empty();
        }
        if (!user.active()) {
            return Optional.of(DomainException.unauthenticated("The account is deactivated",
                    RefusalReason.ACCOUNT_DEACTIVATED));
        }
        if (caller.organizationId().isPresent() && !caller.organizationId().get().equals(user.organizationId())) {
            return Optional.of(DomainException.unauthenticated("The account belongs to another organization now: sign in again",
                    RefusalReason.ORGANIZATION_CHANGED));
        }
        Role claimed = caller.role().orElse(null);
        if (claimed != null && (user.role() == null || !user.role().includes(claimed))) {
            return Optional.of(DomainException.unauthenticated("The account's role changed: sign in again",
                    RefusalReason.ROLE_CHANGED));
        }
        return Optional.empty();
    }

    /** The keys ({@code user:<id>}, {@code organization:<id>}) whose access changed, as each refresh learns them. */
    public Flux<String> changes() {
        return changes.asFlux();
    }

    /** Reads what changed since the last refresh; also called by tests that cannot wait for the schedule. */
    public synchronized void refresh() {
        Instant now = clock.instant();
        Query changed = new Query(Criteria.where(WATCHED).is(true).and(CHANGED_AT).gte(Date.from(readUpTo.minus(OVERLAP))))
                .with(Sort.by(CHANGED_AT));
        for (Document status : mongo.find(changed, Document.class, COLLECTION)) {
            String key = status.getString("_id");
            if (apply(key, status)) {
                changes.tryEmitNext(key);
            }
        }
        readUpTo = now;
    }

    /** True when the document told something new. */
    private boolean apply(String key, Document status) {
        long version = status.get(VERSION, Number.class).longValue();
        String id = key.substring(key.indexOf(':') + 1);
        if (ORGANIZATION_KIND.equals(status.getString(KIND))) {
            Long known = organizationVersions.get(id);
            if (known != null && known >= version) {
                return false;
            }
            organizationVersions.put(id, version);
            if (status.getBoolean(ACTIVE, true)) {
                return deactivatedOrganizations.remove(id);
            }
            return deactivatedOrganizations.add(id);
        }
        if (!USER.equals(status.getString(KIND))) {
            return false;
        }
        UserAccess known = watchedUsers.get(id);
        if (known != null && known.version() >= version) {
            return false;
        }
        UserAccess now = new UserAccess(status.getBoolean(ACTIVE, false), Role.fromClaim(status.getString(ROLE)).orElse(null),
                status.getString(ORGANIZATION), version);
        watchedUsers.put(id, now);
        return true;
    }

    @Override
    public synchronized void start() {
        started = true;
        if (!enabled) {
            return;
        }
        mongo.indexOps(COLLECTION).createIndex(new Index(WATCHED, Sort.Direction.ASC).on(CHANGED_AT, Sort.Direction.ASC));
        refresh();
        refresher = new PeriodicJob("access-revocations", interval, interval, this::refreshQuietly, true);
        refresher.start();
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.warn("Could not refresh access revocations (will retry): {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        started = false;
        if (refresher != null) {
            refresher.stop();
            refresher = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return refresher != null || (!enabled && started);
    }
}
