package com.cycube.labs.instances;

import com.cycube.support.auth.Caller;
import com.cycube.support.auth.Role;
import com.cycube.support.events.Outbox;
import com.cycube.support.pagination.Connection;
import com.cycube.support.pagination.PageRequest;
import com.cycube.support.tenancy.TenantScopedMongo;
import com.cycube.support.tenancy.Visibility;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Every read and write of {@code lab_instances}. Requests go through {@link TenantScopedMongo} with the caller.
 * The provisioning driver and the reaper act for the platform on every organization's labs with no caller (no
 * request, no tenant): their methods take or imply {@link #PLATFORM} and use {@link MongoTemplate} directly.
 *
 * <p>Every change of a lab is a compare-and-set on its {@code state} and {@code revision}: empty when another
 * writer got there first, so nothing ever overwrites a newer change. Callers re-read and decide again
 * ({@code OptimisticRetry}) or give up.
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
        if (id == null) {
            return Optional.empty();
        }
        return findVisible(caller, List.of(id)).stream().findFirst();
    }

    public List<LabInstanceDocument> findVisible(Caller caller, Collection<String> ids) {
        if (!LabAccess.canReadLabs(caller) || ids.isEmpty()) {
            return List.of();
        }
        return find(caller, Criteria.where("_id").in(ids), Sort.unsorted(), null);
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
        return find(caller, new Criteria().andOperator(Criteria.where("ownerId").in(ownerIds), active()), NEWEST_FIRST, null);
    }

    /** The caller's own active labs for {@code cubeIds}. */
    public List<LabInstanceDocument> findMyActiveByCubes(Caller caller, Collection<String> cubeIds) {
        return find(caller, new Criteria().andOperator(Criteria.where("ownerId").is(caller.subject()),
                Criteria.where("cubeId").in(cubeIds), active()), Sort.unsorted(), null);
    }

    /** A page of the caller's own labs, newest first. */
    public Connection<LabInstanceDocument> pageOfOwn(Caller caller, boolean activeOnly, PageRequest page) {
        Criteria own = Criteria.where("ownerId").is(caller.subject());
        return page(caller, activeOnly ? new Criteria().andOperator(own, active()) : own, page);
    }

    /** A page of every lab the caller's scope covers (managers: their organization; root: all), newest first. */
    public Connection<LabInstanceDocument> pageInState(Caller caller, LabState state, PageRequest page) {
        return page(caller, state == null ? null : Criteria.where("state").is(state.name()), page);
    }

    public long countActive(Caller caller, String organizationId) {
        return scoped.count(caller, Visibility.OWN_ORGANIZATION, new Criteria().andOperator(
                Criteria.where("organizationId").is(organizationId), active()), LabInstanceDocument.class);
    }

    private Connection<LabInstanceDocument> page(Caller caller, Criteria criteria, PageRequest page) {
        return Connection.of(scoped.find(caller, Visibility.OWN_ORGANIZATION, criteria, NEWEST_FIRST, page, LabInstanceDocument.class),
                page, scoped.count(caller, Visibility.OWN_ORGANIZATION, criteria, LabInstanceDocument.class));
    }

    /** The labs matching {@code criteria} that the caller may see: trainees their own, managers and root all in scope. */
    private List<LabInstanceDocument> find(Caller caller, Criteria criteria, Sort sort, PageRequest page) {
        Criteria visible = caller.hasRole(Role.MANAGER) ? criteria
                : new Criteria().andOperator(criteria, Criteria.where("ownerId").is(caller.subject()));
        return scoped.find(caller, Visibility.OWN_ORGANIZATION, visible, sort, page, LabInstanceDocument.class);
    }

    private static Criteria active() {
        return Criteria.where("state").in(LabState.activeNames());
    }

    // ------------------------------------------------------------------ writes

    /** A new (REQUESTED) lab, inserted together with its first {@code LabStateChanged}. */
    public LabInstanceDocument insert(Caller caller, LabInstanceDocument lab) {
        TenantScopedMongo.assertWritable(caller, lab.organizationId());
        Outbox.insert(mongo, lab, COLLECTION, LabEvents.stateChanged(lab, null, lab.state(), lab.requestedAt()));
        return lab;
    }

    /** The lab's VM was launched: REQUESTED → PROVISIONING, or a reset PROVISIONING lab gets its new VM. */
    public Optional<LabInstanceDocument> vmLaunched(LabInstanceDocument lab, String vmInstanceId, String reason) {
        Update update = new Update().set("vmInstanceId", vmInstanceId);
        return lab.state() == LabState.REQUESTED
                ? transition(PLATFORM, lab, LabState.PROVISIONING, reason, update)
                : compareAndSet(PLATFORM, lab, update);
    }

    /** PROVISIONING → RUNNING with the VM's address and the remote-access connection. */
    public Optional<LabInstanceDocument> running(LabInstanceDocument lab, String address, String connectionId,
                                                 String connectionUrl, String reason) {
        return transition(PLATFORM, lab, LabState.RUNNING, reason, new Update().set("address", address)
                .set("connectionId", connectionId).set("connectionUrl", connectionUrl));
    }

    /**
     * An active lab → STOPPING, FAILED or EXPIRED: its current VM and connection are queued for release in the same
     * write; a FAILED lab keeps {@code reason} as its failure reason.
     */
    public Optional<LabInstanceDocument> end(Caller caller, LabInstanceDocument lab, LabState to, String reason) {
        Update update = releasingCurrent(lab);
        if (to == LabState.FAILED) {
            update.set("failureReason", reason);
        }
        return transition(caller, lab, to, reason, update);
    }

    /** A RUNNING lab → PROVISIONING with a new generation (a fresh VM); the old VM and connection are queued for release. */
    public Optional<LabInstanceDocument> reset(Caller caller, LabInstanceDocument lab, String reason) {
        Update update = releasingCurrent(lab).inc("generation", 1)
                .unset("vmInstanceId").unset("address").unset("connectionId").unset("connectionUrl");
        return transition(caller, lab, LabState.PROVISIONING, reason, update);
    }

    /** STOPPING → TERMINATED once the VM is gone. */
    public Optional<LabInstanceDocument> terminated(LabInstanceDocument lab, String reason) {
        return transition(PLATFORM, lab, LabState.TERMINATED, reason, new Update());
    }

    /** A new expiry; the expiry warning is cleared when {@code clearWarning}. */
    public Optional<LabInstanceDocument> extend(Caller caller, LabInstanceDocument lab, Instant expiresAt, boolean clearWarning) {
        Update update = new Update().set("expiresAt", expiresAt);
        if (clearWarning) {
            update.unset("expiryWarningSentAt");
        }
        return compareAndSet(caller, lab, update);
    }

    /**
     * Adds {@code objectiveId} to the met objectives; when {@code completedAt} is given (it completes the set) the
     * same write stores it as {@code objectivesMetAt} and carries {@code LabObjectivesMet}.
     */
    public Optional<LabInstanceDocument> objectiveMet(Caller caller, LabInstanceDocument lab, String objectiveId,
                                                      Instant completedAt) {
        Update update = new Update().addToSet("objectivesMet", objectiveId);
        if (completedAt != null) {
            update.set("objectivesMetAt", completedAt);
            Outbox.record(update, LabEvents.objectivesMet(lab, completedAt));
        }
        return compareAndSet(caller, lab, update);
    }

    /**
     * Raises the expiry warning once, with {@code labs.LabExpiring} in the same write: only while the lab is active,
     * unwarned, expiring before {@code threshold} and still expiring when {@code lab} says (an extension in between
     * leaves it for the next round, so the event never states an old expiry).
     */
    public Optional<LabInstanceDocument> markExpiryWarning(LabInstanceDocument lab, Instant threshold) {
        Instant now = clock.instant();
        Update update = new Update().set("expiryWarningSentAt", now).inc("revision", 1).set("updatedAt", now);
        Outbox.record(update, LabEvents.expiring(lab, now));
        long modified = mongo.updateFirst(Query.query(new Criteria().andOperator(
                        Criteria.where("_id").is(lab.id()), active(),
                        Criteria.where("expiryWarningSentAt").is(null), Criteria.where("expiresAt").lte(threshold),
                        Criteria.where("expiresAt").is(lab.expiresAt()))),
                update, LabInstanceDocument.class).getModifiedCount();
        return modified == 0 ? Optional.empty() : reread(lab.id());
    }

    /** Bookkeeping after a VM was terminated (no revision change: nothing to announce). */
    public void vmReleased(String id, String vmInstanceId) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().pull("vmsToRelease", vmInstanceId),
                LabInstanceDocument.class);
    }

    /** Bookkeeping after a remote-access connection was removed (no revision change). */
    public void connectionClosed(String id, String connectionId) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().pull("connectionsToClose", connectionId),
                LabInstanceDocument.class);
    }

    /** The part of an update that queues the lab's current VM and connection for release. */
    private static Update releasingCurrent(LabInstanceDocument lab) {
        Update update = new Update();
        if (lab.vmInstanceId() != null) {
            update.addToSet("vmsToRelease", lab.vmInstanceId());
        }
        if (lab.connectionId() != null) {
            update.addToSet("connectionsToClose", lab.connectionId());
        }
        return update;
    }

    /**
     * Moves {@code lab} to {@code to} if it is still exactly as read: the state machine is checked, the transition
     * is appended to the history, and an inactive lab loses its {@code activeKey}. The same write carries the
     * transition's {@code LabStateChanged}, so every stored transition is announced exactly once and a lost
     * compare-and-set announces nothing.
     */
    private Optional<LabInstanceDocument> transition(Caller caller, LabInstanceDocument lab, LabState to, String reason,
                                                     Update update) {
        LabStateMachine.requireAllowed(lab.state(), to);
        Instant now = clock.instant();
        update.set("state", to.name()).push("history", new LabTransition(lab.state(), to, now, reason));
        if (!to.isActive()) {
            update.unset("activeKey");
        }
        Outbox.record(update, LabEvents.stateChanged(lab, lab.state(), to, now));
        return compareAndSet(caller, lab, update);
    }

    /**
     * Applies {@code update} (and revision + 1) if {@code lab} is unchanged since it was read (same state and
     * revision); returns the lab as stored afterwards. For a request the tenant criterion comes from
     * {@link TenantScopedMongo#scopedQuery} and the caller's right to write the organization is checked by
     * {@link TenantScopedMongo#assertWritable}.
     *
     * <p>Written as {@code updateOne} + re-read rather than {@code findAndModify}
     * ({@code TenantScopedMongo.update}): the embedded store (mongo-java-server 1.47) does not record
     * {@code findAndModify} in its oplog, so such writes would never reach the change stream behind
     * {@code labUpdated}. Real MongoDB records both.
     */
    private Optional<LabInstanceDocument> compareAndSet(Caller caller, LabInstanceDocument lab, Update update) {
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

    // ------------------------------------------------------------------ platform reads (driver, reaper, live updates)

    public Optional<LabInstanceDocument> reread(String id) {
        return Optional.ofNullable(mongo.findById(id, LabInstanceDocument.class));
    }

    /** Every active lab of the organization (to start its quota usage). */
    public List<LabInstanceDocument> activeOf(String organizationId) {
        return mongo.find(Query.query(new Criteria().andOperator(Criteria.where("organizationId").is(organizationId), active())),
                LabInstanceDocument.class);
    }

    /** The current state of each of {@code ids} that exists (one query, states only). */
    public Map<String, LabState> statesOf(Collection<String> ids) {
        Query query = Query.query(Criteria.where("_id").in(ids));
        query.fields().include("state");
        return mongo.find(query, Document.class, COLLECTION).stream()
                .collect(Collectors.toMap(lab -> lab.getString("_id"), lab -> LabState.valueOf(lab.getString("state"))));
    }

    public List<LabInstanceDocument> rereadAll(Collection<String> ids) {
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), LabInstanceDocument.class);
    }

    public List<LabInstanceDocument> inStates(Collection<LabState> states, int limit) {
        return mongo.find(Query.query(Criteria.where("state").in(states.stream().map(Enum::name).toList()))
                .with(Sort.by("updatedAt")).limit(limit), LabInstanceDocument.class);
    }

    public List<LabInstanceDocument> activeExpiringBy(Instant instant, int limit) {
        return mongo.find(Query.query(new Criteria().andOperator(active(), Criteria.where("expiresAt").lte(instant)))
                .with(Sort.by("expiresAt")).limit(limit), LabInstanceDocument.class);
    }

    public List<LabInstanceDocument> unwarnedExpiringBy(Instant instant, int limit) {
        return mongo.find(Query.query(new Criteria().andOperator(active(),
                Criteria.where("expiryWarningSentAt").is(null), Criteria.where("expiresAt").lte(instant)))
                .with(Sort.by("expiresAt")).limit(limit), LabInstanceDocument.class);
    }

    public List<LabInstanceDocument> needingRelease(int limit) {
        return mongo.find(Query.query(new Criteria().orOperator(Criteria.where("vmsToRelease.0").exists(true),
                Criteria.where("connectionsToClose.0").exists(true))).limit(limit), LabInstanceDocument.class);
    }
}
