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
 * Keeps the people and organization read models from identity's snapshots (the newest {@code occurredAt} wins, so
 * order does not matter), then enrolls a user in what their teams were assigned — so a team assignment reaches
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
        Idempotent.applyOnce(mongo, OrganizationDocument.COLLECTION, newer(event.orgId(), event), snapshot,
                event.eventId(), true);
    }

    /** The document {@code id} of the event's organization, unless it already holds a newer (or equal) snapshot. */
    private static Query newer(String id, DomainEvent event) {
        return Query.query(Criteria.where("_id").is(id).and("organizationId").is(event.orgId())
                .orOperator(Criteria.where("occurredAt").is(null), Criteria.where("occurredAt").lt(Date.from(event.occurredAt()))));
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> list ? list.stream().filter(java.util.Objects::nonNull).map(Object::toString).toList()
                : List.of();
    }
}
