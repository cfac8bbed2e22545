package com.cycube.audit.alerts;

import com.cycube.audit.access.AuditReaders;
import com.cycube.audit.trail.AuditEventDocument;
import com.cycube.support.events.DomainEvent;
import com.cycube.support.events.Outbox;
import com.cycube.support.pagination.PageRequest;
import java.time.Instant;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Security alerts in MongoDB (written once, with their event) and the counts of stored audit records the detector
 * needs, each served by an index ({@code AuditIndexes}).
 */
@Component
public class AlertStore {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("raisedAt"), Sort.Order.desc("_id"));

    private final MongoTemplate mongo;

    public AlertStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Stores the alert with its event unless an alert with its id exists; whether it was stored now. */
    public boolean raise(SecurityAlertDocument alert, DomainEvent raised) {
        try {
            Outbox.insert(mongo, alert, SecurityAlertDocument.COLLECTION, raised);
            return true;
        } catch (DuplicateKeyException raisedBefore) {
            return false;
        }
    }

    /** Stored records with {@code field} = {@code value} (and the action or outcome given) whose time is in [from, to]. */
    public long countRecords(String field, String value, String action, String outcome, Instant from, Instant to) {
        Criteria criteria = Criteria.where(field).is(value).and("time").gte(from).lte(to);
        if (action != null) {
            criteria.and("action").is(action);
        }
        if (outcome != null) {
            criteria.and("outcome").is(outcome);
        }
        return mongo.count(Query.query(criteria), AuditEventDocument.COLLECTION);
    }

    public List<SecurityAlertDocument> page(AuditReaders.Scope scope, PageRequest page) {
        return mongo.find(query(scope).with(NEWEST_FIRST).skip(page.offset()).limit(page.first() + 1),
                SecurityAlertDocument.class, SecurityAlertDocument.COLLECTION);
    }

    public long count(AuditReaders.Scope scope) {
        return mongo.count(query(scope), SecurityAlertDocument.class, SecurityAlertDocument.COLLECTION);
    }

    /** Retention: removes alerts raised before {@code cutoff}. */
    public long deleteRaisedBefore(Instant cutoff) {
        return mongo.remove(Query.query(Criteria.where("raisedAt").lt(cutoff)), SecurityAlertDocument.COLLECTION)
                .getDeletedCount();
    }

    private static Query query(AuditReaders.Scope scope) {
        return scope.all() ? new Query() : Query.query(Criteria.where("organizationId").is(scope.organizationId()));
    }
}
