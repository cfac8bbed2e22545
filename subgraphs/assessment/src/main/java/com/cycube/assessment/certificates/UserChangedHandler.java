package com.cycube.assessment.certificates;

import com.cycube.support.events.DomainEvent;
import com.cycube.support.events.EventHandler;
import com.cycube.support.events.Idempotent;
import java.util.Date;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Keeps the newest {@code identity.UserChanged} snapshot per user (holder names of certificates): the one with the
 * highest {@code version} (identity's per-user counter, +1 with every change in the same write). An older version
 * arriving late matches nothing (and its upsert hits the existing id), so order does not matter — and wall-clock
 * {@code occurredAt}, which differs between identity instances, decides only between snapshots without a version
 * (events from before versions existed); a versioned snapshot always beats an unversioned one.
 * Trusted system code without a caller: MongoTemplate, with the event's organization in the criteria.
 */
@Component
public class UserChangedHandler implements EventHandler {

    private static final Logger log = LoggerFactory.getLogger(UserChangedHandler.class);

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
        return Set.of("identity.UserChanged");
    }

    @Override
    public void handle(DomainEvent event) {
        String userId = event.string("userId");
        if (userId == null) {
            log.warn("Ignoring {} {}: no userId", event.type(), event.eventId());
            return;
        }
        Date occurredAt = Date.from(event.occurredAt());
        Long version = event.payload().get("version") instanceof Number number ? number.longValue() : null;
        Criteria target = Criteria.where("_id").is(userId).and("organizationId").is(event.orgId());
        Query olderOrMissing = Query.query(version != null
                ? target.and("version").not().gte(version) // stored version lower, or none (unversioned or missing)
                : target.and("version").is(null).and("occurredAt").lt(occurredAt));
        Object active = event.payload().get("active");
        Update update = new Update().set("displayName", event.string("displayName"))
                .set("active", active instanceof Boolean flag ? flag : null)
                .set("occurredAt", occurredAt);
        if (version != null) {
            update.set("version", version);
        }
        Idempotent.applyOnce(mongo, UserDocument.COLLECTION, olderOrMissing, update, event.eventId(), true);
    }
}
