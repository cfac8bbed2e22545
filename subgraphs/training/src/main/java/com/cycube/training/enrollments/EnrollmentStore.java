package com.cycube.training.enrollments;

import com.cycube.support.auth.Caller;
import com.cycube.support.contracts.training.Enrolled;
import com.cycube.support.contracts.training.EnrollmentAssigned;
import com.cycube.support.contracts.training.StudyTimeRecorded;
import com.cycube.support.events.DomainEvent;
import com.cycube.support.events.Idempotent;
import com.cycube.support.events.Outbox;
import com.cycube.support.pagination.Connection;
import com.cycube.support.pagination.PageRequest;
import com.cycube.support.persistence.OptimisticRetry;
import com.cycube.support.tenancy.TenantScopedMongo;
import com.cycube.support.tenancy.Visibility;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Reads and writes of {@code enrollments}. Request-side reads go through {@link TenantScopedMongo} with the caller,
 * limited to what {@link EnrollmentAccess} lets them read. Writes name the organization in every criterion; they are
 * made for an organization the caller was checked against (or for the event's organization), with
 * {@link MongoTemplate} because TenantScopedMongo has no insert-or-reuse nor compare-and-set with follow-up events.
 */
@Component
public class EnrollmentStore {

    public static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("enrolledAt"), Sort.Order.asc("_id"));
    /** {@code Enrolled.source}: the trainee enrolled themselves, or an assignment enrolled them. */
    static final String SELF = "SELF";
    static final String ASSIGNMENT = "ASSIGNMENT";

    private final TenantScopedMongo scoped;
    private final MongoTemplate mongo;
    private final Clock clock;

    public EnrollmentStore(TenantScopedMongo scoped, MongoTemplate mongo, Clock clock) {
        this.scoped = scoped;
        this.mongo = mongo;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ request-side reads

    public Optional<EnrollmentDocument> findVisible(Caller caller, String id) {
        return findVisible(caller, List.of(id)).stream().findFirst();
    }

    public List<EnrollmentDocument> findVisible(Caller caller, Collection<String> ids) {
        if (ids.isEmpty() || !caller.isAuthenticated()) {
            return List.of();
        }
        return scoped.find(caller, Visibility.OWN_ORGANIZATION,
                readable(caller, Criteria.where("_id").in(ids)),
                Sort.unsorted(), null, EnrollmentDocument.class);
    }

    /** Every enrollment of {@code userIds} the caller may see, newest first (one query for a batch of users). */
    public List<EnrollmentDocument> visibleOfUsers(Caller caller, Collection<String> userIds) {
        if (userIds.isEmpty() || !caller.isAuthenticated()) {
            return List.of();
        }
        return scoped.find(caller, Visibility.OWN_ORGANIZATION,
                readable(caller, Criteria.where("userId").in(userIds)),
                NEWEST_FIRST, null, EnrollmentDocument.class);
    }

    /** The caller's own enrollments in {@code courseIds}. */
    public List<EnrollmentDocument> mineInCourses(Caller caller, Collection<String> courseIds) {
        return scoped.find(caller, Visibility.OWN_ORGANIZATION,
                Criteria.where("userId").is(caller.subject()).and("courseId").in(courseIds), Sort.unsorted(), null,
                EnrollmentDocument.class);
    }

    /** A page of the caller's own enrollments, newest first; only those with {@code status} when given. */
    public Connection<EnrollmentDocument> mine(Caller caller, ProgressStatus status, PageRequest page) {
        Criteria criteria = Criteria.where("userId").is(caller.subject());
        if (status != null) {
            criteria = new Criteria().andOperator(criteria, withStatus(status));
        }
        return Connection.of(scoped.find(caller, Visibility.OWN_ORGANIZATION, criteria, NEWEST_FIRST, page, EnrollmentDocument.class),
                page, scoped.count(caller, Visibility.OWN_ORGANIZATION, criteria, EnrollmentDocument.class));
    }

    /** The criterion for a status, computed against now (OVERDUE is a matter of the clock, not a stored flag). */
    private Criteria withStatus(ProgressStatus status) {
        Date now = Date.from(clock.instant());
        return switch (status) {
            case COMPLETED -> Criteria.where("completedAt").ne(null);
            case OVERDUE -> Criteria.where("completedAt").is(null).and("dueAt").lt(now);
            case ON_TRACK -> Criteria.where("completedAt").is(null)
                    .orOperator(Criteria.where("dueAt").is(null), Criteria.where("dueAt").gte(now));
        };
    }

    /**
     * {@code criteria} limited to the enrollments the caller may read (the tenant criterion is added by
     * TenantScopedMongo on top): the whole organization for those who read it, a person's own, nothing for anyone else.
     */
    private static Criteria readable(Caller caller, Criteria criteria) {
        if (EnrollmentAccess.readsWholeOrganization(caller)) {
            return criteria;
        }
        Criteria own = caller.kind() == Caller.Kind.PERSON && caller.subject() != null
                ? Criteria.where("userId").is(caller.subject()) : Criteria.where("_id").is("\u0000nothing");
        return new Criteria().andOperator(criteria, own);
    }

    // ------------------------------------------------------------------ writes

    /**
     * Enrolls {@code userId} of {@code orgId} in {@code courseId} unless already enrolled — the insert carries
     * {@code training.Enrolled}; an existing enrollment gets the assignment (and its earlier due date) added once, by a
     * write that carries {@code training.EnrollmentAssigned}.
     *
     * @return true when a new enrollment was created
     */
    public boolean enroll(String orgId, String userId, String courseId, String assignmentId, String pathId, Instant dueAt) {
        String id = EnrollmentDocument.idFor(orgId, userId, courseId);
        Instant now = clock.instant();
        Document fresh = new Document("_id", id).append("organizationId", orgId).append("userId", userId)
                .append("courseId", courseId)
                .append("assignmentIds", assignmentId == null ? List.of() : List.of(assignmentId))
                .append("pathIds", pathId == null ? List.of() : List.of(pathId))
                .append("enrolledAt", Date.from(now)).append("cubes", List.of()).append("timeSpentSeconds", 0L)
                .append("lastActivityAt", null).append("completedAt", null)
                .append("revision", 1L).append("changedAt", Date.from(now));
        if (dueAt != null) {
            fresh.append("dueAt", Date.from(dueAt)); // absent when there is none
        }
        try {
            Outbox.insert(mongo, fresh, EnrollmentDocument.COLLECTION, DomainEvent.of(orgId, now, new Enrolled(id, userId,
                    courseId, assignmentId == null ? SELF : ASSIGNMENT, assignmentId, pathId, dueAt, now)));
            return true;
        } catch (DuplicateKeyException alreadyEnrolled) {
            if (assignmentId != null) {
                addAssignment(orgId, id, assignmentId, pathId, dueAt);
            } else if (pathId != null) {
                mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("organizationId").is(orgId)),
                        new Update().addToSet("pathIds", pathId), EnrollmentDocument.COLLECTION);
            }
            return false;
        }
    }

    /**
     * Adds one more assignment to an existing enrollment, with {@code training.EnrollmentAssigned} in the same write —
     * once: the write only matches while the enrollment does not have the assignment. The event states the due date
     * after the write (the earliest of the enrollment's and the assignment's), so the write is also a compare-and-set
     * on the due date it was computed from, re-read and decided again when another assignment moved it meanwhile.
     */
    private void addAssignment(String orgId, String id, String assignmentId, String pathId, Instant dueAt) {
        OptimisticRetry.run("The enrollment", () -> {
            EnrollmentDocument current = reread(id).orElse(null);
            if (current == null || current.assignmentIds().contains(assignmentId)) {
                return true; // added before: once only
            }
            Instant now = clock.instant();
            Instant due = earliest(current.dueAt(), dueAt);
            Update update = new Update().addToSet("assignmentIds", assignmentId).inc("revision", 1)
                    .set("changedAt", Date.from(now));
            if (due != null) {
                update.set("dueAt", Date.from(due));
            }
            if (pathId != null) {
                update.addToSet("pathIds", pathId);
            }
            Outbox.record(update, DomainEvent.of(orgId, now, new EnrollmentAssigned(id, current.userId(), current.courseId(),
                    assignmentId, pathId, due)));
            Query notYetAssigned = Query.query(Criteria.where("_id").is(id).and("organizationId").is(orgId)
                    .and("assignmentIds").ne(assignmentId)
                    .and("dueAt").is(current.dueAt() == null ? null : Date.from(current.dueAt())));
            return mongo.updateFirst(notYetAssigned, update, EnrollmentDocument.COLLECTION).getModifiedCount() > 0;
        });
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }

    /**
     * Adds study time to the caller's own {@code enrollment}, with {@code training.StudyTimeRecorded} in the same
     * write; empty when it is not theirs.
     */
    public Optional<EnrollmentDocument> addStudyTime(Caller caller, EnrollmentDocument enrollment, int seconds) {
        Instant now = clock.instant();
        String orgId = caller.requireOrganization();
        Query own = Query.query(Criteria.where("_id").is(enrollment.id()).and("organizationId").is(orgId)
                .and("userId").is(caller.subject()));
        Update update = new Update().inc("timeSpentSeconds", seconds).max("lastActivityAt", Date.from(now))
                .inc("revision", 1).set("changedAt", Date.from(now));
        Outbox.record(update, DomainEvent.of(orgId, now, new StudyTimeRecorded(enrollment.id(), caller.subject(),
                enrollment.courseId(), seconds)));
        if (mongo.updateFirst(own, update, EnrollmentDocument.COLLECTION).getModifiedCount() == 0) {
            return Optional.empty();
        }
        return reread(enrollment.id());
    }

    /**
     * Stores the progress of {@code after} over {@code before} with a compare-and-set on {@code before}'s revision: the
     * cube facts, last activity (only forward), {@code completedAt} when it completes now, a higher revision and
     * {@code events} in the outbox — one write, at most once for {@code eventId} when given.
     *
     * @return false when the enrollment changed since {@code before} was read (or already applied the event)
     */
    public boolean recordProgress(EnrollmentDocument before, EnrollmentDocument after, String eventId, List<DomainEvent> events) {
        Query unchanged = Query.query(Criteria.where("_id").is(before.id()).and("organizationId").is(before.organizationId())
                .and("revision").is(before.revision()));
        List<Object> cubes = after.cubes().stream().map(mongo.getConverter()::convertToMongoType).toList();
        Update update = new Update().set("cubes", cubes).inc("revision", 1).set("changedAt", Date.from(after.changedAt()));
        if (after.lastActivityAt() != null) {
            update.max("lastActivityAt", Date.from(after.lastActivityAt()));
        }
        if (before.completedAt() == null && after.completedAt() != null) {
            update.set("completedAt", Date.from(after.completedAt()));
        }
        if (!events.isEmpty()) {
            Outbox.record(update, events.toArray(DomainEvent[]::new));
        }
        return eventId == null
                ? mongo.updateFirst(unchanged, update, EnrollmentDocument.COLLECTION).getModifiedCount() > 0
                : Idempotent.applyOnce(mongo, EnrollmentDocument.COLLECTION, unchanged, update, eventId, false);
    }

    // ------------------------------------------------------------------ system reads (handlers, live updates)

    public Optional<EnrollmentDocument> reread(String id) {
        return Optional.ofNullable(mongo.findById(id, EnrollmentDocument.class));
    }

    public List<EnrollmentDocument> rereadAll(Collection<String> ids) {
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), EnrollmentDocument.class);
    }

    public List<EnrollmentDocument> ofUserInCourses(String orgId, String userId, Collection<String> courseIds) {
        return mongo.find(Query.query(Criteria.where("organizationId").is(orgId).and("userId").is(userId)
                .and("courseId").in(courseIds)), EnrollmentDocument.class);
    }

    /** Enrollments of the organizations {@code orgIds} changed at or after {@code since}. */
    public List<EnrollmentDocument> changedSince(Collection<String> orgIds, Instant since) {
        return mongo.find(Query.query(Criteria.where("organizationId").in(orgIds).and("changedAt").gte(Date.from(since))),
                EnrollmentDocument.class);
    }

    /** id → revision of the enrollments in {@code scope} now (a projection: live-update baselines). */
    public Map<String, Long> revisions(EnrollmentScope scope) {
        Query query = Query.query(Criteria.where("organizationId").is(scope.organizationId()));
        if (scope.enrollmentId() != null) {
            query.addCriteria(Criteria.where("_id").is(scope.enrollmentId()));
        } else if (scope.userIds() != null) {
            query.addCriteria(Criteria.where("userId").in(scope.userIds()));
        }
        query.fields().include("_id", "revision");
        return mongo.find(query, Document.class, EnrollmentDocument.COLLECTION).stream()
                .collect(Collectors.toMap(doc -> doc.getString("_id"), doc -> ((Number) doc.get("revision")).longValue()));
    }

    /** Whether the enrollment already applied the event {@code eventId}. */
    public boolean applied(String enrollmentId, String eventId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(enrollmentId).and(Idempotent.APPLIED).is(eventId)),
                EnrollmentDocument.COLLECTION);
    }
}
