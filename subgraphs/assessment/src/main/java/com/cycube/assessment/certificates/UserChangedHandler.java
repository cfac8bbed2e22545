package com.cycube.assessment.certificates;

import com.cycube.support.contracts.identity.UserChanged;
import com.cycube.support.events.DomainEvent;
import com.cycube.support.events.EventHandler;
import com.cycube.support.events.EventPayload;
import com.cycube.support.events.Idempotent;
import java.util.Set;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Keeps the {@code identity.UserChanged} snapshot with the highest {@code version} per user (holder names of
 * certificates). An older version arriving late matches nothing (and its upsert hits the existing id), so the order
 * of delivery does not matter; wall clocks never decide. Trusted system code without a caller: MongoTemplate, with
 * the event's organization in the criteria.
 */
@Component
public class UserChangedHandler implements EventHandler {

    private final MongoTemplate mongo;

    public UserChangedHandler(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public String group() {
        return "assessment.users";
    }

    @Override
    public Set<String> eventTypes() {
        return EventPayload.typesOf(UserChanged.class);
    }

    @Override
    public void handle(DomainEvent event) {
        UserChanged user = event.payloadAs(UserChanged.class);
        // stored version lower, or none (a user not seen yet, or stored before snapshots had versions)
        Query olderOrMissing = Query.query(Criteria.where("_id").is(user.userId())
                .and("organizationId").is(event.orgId())
                .and("version").not().gte(user.versionOrZero()));
        Update update = new Update().set("displayName", user.displayName()).set("active", user.active())
                .set("version", user.versionOrZero());
        Idempotent.applyOnce(mongo, UserDocument.COLLECTION, olderOrMissing, update, event.eventId(), true);
    }
}
