package com.cycube.training.people;

import com.cycube.support.contracts.identity.OrganizationChanged;
import com.cycube.support.contracts.identity.UserChanged;
import com.cycube.support.events.DomainEvent;
import com.cycube.support.events.EventHandler;
import com.cycube.support.events.EventPayload;
import com.cycube.support.events.Idempotent;
import com.cycube.training.assignments.AssignmentService;
import java.util.Set;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Keeps the people and organization read models from identity's snapshots, then enrolls a user in what their teams
 * were assigned — so a team assignment reaches members who join later. Snapshots follow the one ordering rule
 * (docs/events.md): the highest per-entity {@code version} is kept, whatever the order of arrival or the clocks (a
 * snapshot stored without a version counts as 0). Trusted system code without a caller, hence {@link MongoTemplate};
 * criteria always name the event's organization.
 */
@Component
public class IdentityEventsHandler implements EventHandler {

    private final MongoTemplate mongo;
    private final AssignmentService assignments;

    public IdentityEventsHandler(MongoTemplate mongo, AssignmentService assignments) {
        this.mongo = mongo;
        this.assignments = assignments;
    }

    @Override
    public String group() {
        return "training.identity";
    }

    @Override
    public Set<String> eventTypes() {
        return EventPayload.typesOf(UserChanged.class, OrganizationChanged.class);
    }

    @Override
    public void handle(DomainEvent event) {
        if (event.orgId() == null) {
            return;
        }
        if (event.is(UserChanged.class)) {
            userChanged(event, event.payloadAs(UserChanged.class));
        } else if (event.is(OrganizationChanged.class)) {
            organizationChanged(event, event.payloadAs(OrganizationChanged.class));
        }
    }

    private void userChanged(DomainEvent event, UserChanged user) {
        Update snapshot = new Update().set("displayName", user.displayName()).set("role", user.role())
                .set("teamIds", user.teamIds()).set("active", user.active()).set("version", user.versionOrZero());
        // Write before read: the member is stored before their teams' assignments are looked up (AssignmentService
        // inserts an assignment before it reads the team's members), so a concurrent assignment is never missed.
        Idempotent.applyOnce(mongo, PersonDocument.COLLECTION, lowerVersion(user.userId(), event.orgId(), user.versionOrZero()),
                snapshot, event.eventId(), true);
        // From the stored (highest) snapshot, whichever event carried it: idempotent, as enrollments are per user and course.
        assignments.enrollTeamMember(event.orgId(), user.userId());
    }

    private void organizationChanged(DomainEvent event, OrganizationChanged organization) {
        Update snapshot = new Update().set("name", organization.name()).set("seatLimit", organization.seatLimit())
                .set("active", organization.active()).set("version", organization.versionOrZero());
        Idempotent.applyOnce(mongo, OrganizationDocument.COLLECTION,
                lowerVersion(event.orgId(), event.orgId(), organization.versionOrZero()), snapshot, event.eventId(), true);
    }

    /**
     * The document {@code id} of {@code orgId}, unless it already holds this snapshot's version or a higher one.
     * When nothing matches, the upsert's insert of an existing {@code _id} fails and the event changes nothing.
     */
    private static Query lowerVersion(String id, String orgId, long version) {
        return Query.query(Criteria.where("_id").is(id).and("organizationId").is(orgId)
                .orOperator(Criteria.where("version").is(null), Criteria.where("version").lt(version)));
    }
}
