package com.cycube.training.people;

import com.cycube.support.events.DomainEvent;
import com.cycube.support.events.EventHandler;
import com.cycube.support.events.Idempotent;
import com.cycube.training.assignments.AssignmentService;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Keeps the people and organization read models from identity's snapshots (the highest per-entity {@code version}
 * wins, so order does not matter — see {@link #newer}), then enrolls a user in what their teams were assigned — so a team assignment reaches
 * members who join later. Trusted system code without a caller, hence {@link MongoTemplate}; criteria always name
 * the event's organization.
 */
@Component
public class IdentityEvents implements EventHandler {

    static final String USER_CHANGED = "identity.UserChanged";
    static final String ORGANIZATION_CHANGED = "identity.OrganizationChanged";

    private final MongoTemplate mongo;
    private final AssignmentService assignments;

    public IdentityEvents(MongoTemplate mongo, AssignmentService assignments) {
        this.mongo = mongo;
        this.assignments = assignments;
    }

    @Override
    public String group() {
        return "training.identity";
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(USER_CHANGED, ORGANIZATION_CHANGED);
    }

    @Override
    public void handle(DomainEvent event) {
        if (event.orgId() == null) {
            return;
        }
        switch (event.type()) {
            case USER_CHANGED -> userChanged(event);
            case ORGANIZATION_CHANGED -> organizationChanged(event);
            default -> { }
        }
    }

    private void userChanged(DomainEvent event) {
        String userId = event.string("userId");
        if (userId == null) {
            return;
        }
        Update snapshot = new Update().set("displayName", event.string("displayName")).set("role", event.string("role"))
                .set("teamIds", strings(event.payload().get("teamIds")))
                .set("active", !Boolean.FALSE.equals(event.payload().get("active")))
                .set("occurredAt", Date.from(event.occurredAt()));
        withVersion(snapshot, event);
        // Write before read: the member is stored before their teams' assignments are looked up (AssignmentService
        // inserts an assignment before it reads the team's members), so a concurrent assignment is never missed.
        Idempotent.applyOnce(mongo, PersonDocument.COLLECTION, newer(userId, event), snapshot, event.eventId(), true);
        // From the stored (newest) snapshot, whichever event carried it: idempotent, as enrollments are per user and course.
        assignments.enrollTeamMember(event.orgId(), userId);
    }

    private void organizationChanged(DomainEvent event) {
        Object seatLimit = event.payload().get("seatLimit");
        Update snapshot = new Update().set("name", event.string("name"))
                .set("seatLimit", seatLimit instanceof Number n ? Integer.valueOf(n.intValue()) : null)
                .set("active", !Boolean.FALSE.equals(event.payload().get("active")))
                .set("occurredAt", Date.from(event.occurredAt()));
        withVersion(snapshot, event);
        Idempotent.applyOnce(mongo, OrganizationDocument.COLLECTION, newer(event.orgId(), event), snapshot,
                event.eventId(), true);
    }

    /**
     * The document {@code id} of the event's organization, unless it already holds this snapshot or a newer one.
     * Identity numbers each entity's snapshots ({@code version}, increasing per user / organization), so:
     * <ul>
     *   <li>an event with a version replaces a stored snapshot with a lower version, whatever the clocks say (two
     *       writes in the same millisecond, or an older {@code occurredAt} from another identity instance);</li>
     *   <li>a snapshot stored without a version (from before identity numbered them) is compared by
     *       {@code occurredAt} — an event with a version wins a tie, it is the newer format;</li>
     *   <li>an event without a version (an older producer) is compared by {@code occurredAt} only, strictly newer.</li>
     * </ul>
     * When nothing matches, the upsert's insert of an existing {@code _id} fails and the event changes nothing.
     */
    static Query newer(String id, DomainEvent event) {
        Date occurredAt = Date.from(event.occurredAt());
        Long version = version(event);
        Criteria[] newer = version == null
                ? new Criteria[] {Criteria.where("occurredAt").is(null), Criteria.where("occurredAt").lt(occurredAt)}
                : new Criteria[] {Criteria.where("version").lt(version),
                        new Criteria().andOperator(Criteria.where("version").is(null),
                                new Criteria().orOperator(Criteria.where("occurredAt").is(null),
                                        Criteria.where("occurredAt").lte(occurredAt)))};
        return Query.query(Criteria.where("_id").is(id).and("organizationId").is(event.orgId()).orOperator(newer));
    }

    /** The snapshot's {@code version} (payload), or null for events of producers that do not number snapshots. */
    static Long version(DomainEvent event) {
        Object value = event.payload().get("version");
        if (value instanceof Number number) {
            return number.longValue();
        }
        if (value instanceof String text && !text.isBlank()) {
            try {
                return Long.parseLong(text.trim());
            } catch (NumberFormatException notANumber) {
                return null;
            }
        }
        return null;
    }

    /** Stores the event's version with the snapshot (left as it is for an event without one). */
    private static void withVersion(Update snapshot, DomainEvent event) {
        Long version = version(event);
        if (version != null) {
            snapshot.set("version", version);
        }
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> list ? list.stream().filter(java.util.Objects::nonNull).map(Object::toString).toList()
                : List.of();
    }
}
