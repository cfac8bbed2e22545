package com.cycube.labs.instances;

import com.cycube.support.auth.Caller;
import com.cycube.support.events.Outbox;
import com.cycube.support.pagination.PageRequest;
import com.cycube.support.tenancy.TenantScopedMongo;
import com.cycube.support.tenancy.Visibility;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Reads and writes of {@code lab_instances}. Requests go through {@link TenantScopedMongo} with the caller.
 * The provisioning driver and the reaper act for the platform on every organization's labs with no caller (no
 * request, no tenant): their methods take {@link #PLATFORM} and use {@link MongoTemplate} directly, always with a
 * compare-and-set on the lab's {@code state} and {@code revision}, so they can never overwrite a newer change.
 */
@Component
public class LabStore {

    public static final String COLLECTION = "lab_instances";
    /** Marks a write the platform makes on a lab's behalf (driver, reaper, follow-up of a checked request). */
    public static final Caller PLATFORM = null;
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("requestedAt"), Sort.Order.desc("_id"));

    private final TenantScopedMongo scoped;
    private final MongoTemplate mongo;
    private final Clock clock;

    public LabStore(TenantScopedMongo scoped, MongoTemplate mongo, Clock clock) {
        this.scoped = scoped;
        this.mongo = mongo;
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    // ------------------------------------------------------------------ request-side reads (tenant-scoped)

    public Optional<LabInstanceDocument> findVisible(Caller caller, String id) {
        if (!LabAccess.canReadLabs(caller) || id == null) {
            return Optional.empty();
        }
        return scoped.find(caller, Visibility.OWN_ORGANIZATION,
                new Criteria().andOperator(Criteria.where("_id").is(id), LabAccess.ownership(caller)), Sort.unsorted(), null,
                LabInstanceDocument.class).stream().findFirst();
    }

    public List<LabInstanceDocument> findVisible(Caller caller, Collection<String> ids) {
        if (!LabAccess.canReadLabs(caller) || ids.isEmpty()) {
            return List.of();
        }
        return scoped.find(caller, Visibility.OWN_ORGANIZATION,
                new Criteria().andOperator(Criteria.where("_id").in(ids), LabAccess.ownership(caller)), Sort.unsorted(), null,
                LabInstanceDocument.class);
    }

    /**
     * A lab of the caller's organization (root: any), whoever owns it — for reporters of objectives (managers,
     * the in-VM checker's integration client), not for trainees.
     */
    public Optional<LabInstanceDocument> findInOrganization(Caller caller, String id) {
        return scoped.findById(caller, Visibility.OWN_ORGANIZATION, id, LabInstanceDocument.class);
    }

    public Optional<LabInstanceDocument> findActive(Caller caller, String organizationId, String ownerId, String cubeId) {
        return scoped.find(caller, Visibility.OWN_ORGANIZATION,
                Criteria.where("activeKey").is(LabInstanceDocument.activeKey(organizationId, ownerId, cubeId)),
                Sort.unsorted(), null, LabInstanceDocument.class).stream().findFirst();
    }

    /** Active labs of {@code ownerIds} among those the caller may see. */
    public List<LabInstanceDocument> findActiveByOwners(Caller caller, Collection<String> ownerIds) {
        return scoped.find(caller, Visibility.OWN_ORGANIZATION, new Criteria().andOperator(
                Criteria.where("ownerId").in(ownerIds), Criteria.where("state").in(LabState.activeNames()),
                LabAccess.ownership(caller)), NEWEST_FIRST, null, LabInstanceDocument.class);
    }

    /** The caller's own active labs for {@code cubeIds}. */
    public List<LabInstanceDocument> findMyActiveByCubes(Caller caller, Collection<String> cubeIds) {
        return scoped.find(caller, Visibility.OWN_ORGANIZATION, new Criteria().andOperator(
                Criteria.where("ownerId").is(caller.subject()), Criteria.where("cubeId").in(cubeIds),
                Criteria.where("state").in(LabState.activeNames())), Sort.unsorted(), null, LabInstanceDocument.class);
    }

    public List<LabInstanceDocument> page(Caller caller, Criteria criteria, PageRequest page) {
        return scoped.find(caller, Visibility.OWN_ORGANIZATION, criteria, NEWEST_FIRST, page, LabInstanceDocument.class);
    }

    public long count(Caller caller, Criteria criteria) {
        return scoped.count(caller, Visibility.OWN_ORGANIZATION, criteria, LabInstanceDocument.class);
    }

    public long countActive(Caller caller, String organizationId) {
        return scoped.count(caller, Visibility.OWN_ORGANIZATION, new Criteria().andOperator(
                Criteria.where("organizationId").is(organizationId), Criteria.where("state").in(LabState.activeNames())),
                LabInstanceDocument.class);
    }

    /** A new (REQUESTED) lab, inserted together with its first {@code labs.LabStateChanged}. */
    public LabInstanceDocument insert(Caller caller, LabInstanceDocument lab) {
        TenantScopedMongo.assertWritable(caller, lab.organizationId());
        LabEvents.insertWithEvents(mongo, lab, LabEvents.stateChanged(lab, null, lab.state(), lab.requestedAt()));
        return lab;
    }

    // ------------------------------------------------------------------ compare-and-set writes

    /**
     * Moves {@code lab} to {@code to} if it is still exactly as read (same state and revision): the state machine
     * is checked, the revision increases, the transition is appended to the history, and an inactive lab loses
     * its {@code activeKey}. The same write carries the transition's {@code labs.LabStateChanged}, so every stored
     * transition is announced exactly once and a lost compare-and-set announces nothing. Empty when another writer
     * got there first.
     */
    public Optional<LabInstanceDocument> transition(Caller caller, LabInstanceDocument lab, LabState to, String reason,
                                                    Update extra) {
        LabStateMachine.requireAllowed(lab.state(), to);
        Instant now = clock.instant();
        Update update = extra == null ? new Update() : extra;
        update.set("state", to.name())
                .push("history", new LabTransition(lab.state(), to, now, reason));
        if (!to.isActive()) {
            update.unset("activeKey");
        }
        Outbox.record(update, LabEvents.stateChanged(lab, lab.state(), to, now));
        return compareAndSet(caller, lab, update);
    }

    /**
     * Applies {@code update} (and revision + 1) if {@code lab} is unchanged since it was read; returns the lab as
     * stored afterwards. For a request the tenant criterion comes from {@link TenantScopedMongo#scopedQuery} and
     * the caller's right to write the organization is checked by {@link TenantScopedMongo#assertWritable}.
     *
     * <p>Written as {@code updateOne} + re-read rather than {@code findAndModify}
     * ({@code TenantScopedMongo.update}): the embedded store (mongo-java-server 1.47) does not record
     * {@code findAndModify} in its oplog, so such writes would never reach the change stream behind
     * {@code labUpdated}. Real MongoDB records both.
     */
    public Optional<LabInstanceDocument> compareAndSet(Caller caller, LabInstanceDocument lab, Update update) {
        update.inc("revision", 1).set("updatedAt", clock.instant());
        Criteria unchanged = new Criteria().andOperator(Criteria.where("_id").is(lab.id()),
                Criteria.where("state").is(lab.state().name()), Criteria.where("revision").is(lab.revision()));
        Query query;
        if (caller == PLATFORM) {
            query = Query.query(unchanged);
        } else {
            TenantScopedMongo.assertWritable(caller, lab.organizationId());
            query = scoped.scopedQuery(caller, Visibility.OWN_ORGANIZATION, unchanged);
        }
        if (mongo.updateFirst(query, update, LabInstanceDocument.class).getModifiedCount() == 0) {
            return Optional.empty();
        }
        return reread(lab.id());
    }

    /** Raises the expiry warning once: only while the lab is active, unwarned and expiring before {@code threshold}. */
    public Optional<LabInstanceDocument> markExpiryWarning(String id, Instant threshold) {
        Instant now = clock.instant();
        long modified = mongo.updateFirst(Query.query(new Criteria().andOperator(
                        Criteria.where("_id").is(id), Criteria.where("state").in(LabState.activeNames()),
                        Criteria.where("expiryWarningSentAt").is(null), Criteria.where("expiresAt").lte(threshold))),
                new Update().set("expiryWarningSentAt", now).inc("revision", 1).set("updatedAt", now),
                LabInstanceDocument.class).getModifiedCount();
        return modified == 0 ? Optional.empty() : reread(id);
    }

    /** Bookkeeping after a VM was terminated or a connection removed (no revision change: nothing to announce). */
    public void released(String id, String field, String value) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().pull(field, value), LabInstanceDocument.class);
    }

    // ------------------------------------------------------------------ platform reads (driver, reaper, live updates)

    public Optional<LabInstanceDocument> reread(String id) {
        return Optional.ofNullable(mongo.findById(id, LabInstanceDocument.class));
    }

    public List<LabInstanceDocument> rereadAll(Collection<String> ids) {
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), LabInstanceDocument.class);
    }

    public List<LabInstanceDocument> inStates(Collection<LabState> states, int limit) {
        return mongo.find(Query.query(Criteria.where("state").in(states.stream().map(Enum::name).toList()))
                .with(Sort.by("updatedAt")).limit(limit), LabInstanceDocument.class);
    }

    public List<LabInstanceDocument> activeExpiringBy(Instant instant, int limit) {
        return mongo.find(Query.query(new Criteria().andOperator(Criteria.where("state").in(LabState.activeNames()),
                Criteria.where("expiresAt").lte(instant))).with(Sort.by("expiresAt")).limit(limit), LabInstanceDocument.class);
    }

    public List<LabInstanceDocument> unwarnedExpiringBy(Instant instant, int limit) {
        return mongo.find(Query.query(new Criteria().andOperator(Criteria.where("state").in(LabState.activeNames()),
                Criteria.where("expiryWarningSentAt").is(null), Criteria.where("expiresAt").lte(instant)))
                .with(Sort.by("expiresAt")).limit(limit), LabInstanceDocument.class);
    }

    public List<LabInstanceDocument> needingRelease(int limit) {
        return mongo.find(Query.query(new Criteria().orOperator(Criteria.where("vmsToRelease.0").exists(true),
                Criteria.where("connectionsToClose.0").exists(true))).limit(limit), LabInstanceDocument.class);
    }
}
